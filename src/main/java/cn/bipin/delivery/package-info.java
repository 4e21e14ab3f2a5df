/** Mailing bulletins to their recipients (SMTP, or .eml files in an outbox when no mail server is set) and logging each delivery. */
package cn.bipin.delivery;
