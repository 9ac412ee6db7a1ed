/**
 * Demonstration data (dữ liệu trình diễn): the villages, households, plans and review rounds loaded with {@code
 * --demo}; nothing else depends on it.
 */
package vn.giamngheo.demo;
