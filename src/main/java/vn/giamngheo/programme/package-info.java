/**
 * The programme catalogue (danh mục chương trình mục tiêu quốc gia giảm nghèo bền vững): periods and items, the
 * units the programme is kept for, and what the budget and monitoring modules share (web helpers, grid versions,
 * problems).
 */
package vn.giamngheo.programme;
