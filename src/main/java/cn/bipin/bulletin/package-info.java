/** The published bulletin (通报/榜单): PDF through JasperReports and the same tables as .xlsx, from a ready-made model. */
package cn.bipin.bulletin;
