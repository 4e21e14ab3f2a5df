/** The monthly run (月度晾晒): inbox → validate → score → feedback → bulletin → mail. */
package cn.bipin.monthly;
