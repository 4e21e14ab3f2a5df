/** The working-day calendar (DOMAIN §6.1 D12): official holidays and make-up days from {@code jobs/calendars/<year>.yaml}. */
package cn.bipin.calendar;
