/** 三函一单 (DOMAIN §7.2, D18): each unit's monthly 结果反馈单 and the numbered letters to units lagging 序时进度. */
package cn.bipin.letters;
