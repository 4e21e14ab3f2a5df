/** Receiving a unit's submission: its Excel template or CSV, read as raw rows, checked value by value, answered with a feedback sheet. */
package cn.bipin.submission;
