/**
 * Security (bảo mật): users, roles and their area of the country, login, passwords, sessions and the command that
 * creates the first administrator.
 */
package vn.giamngheo.security;
