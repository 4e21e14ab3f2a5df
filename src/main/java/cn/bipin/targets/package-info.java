/**
 * 任务分解表: the yearly targets of each unit, per indicator, as the campaign office receives them in a spreadsheet.
 * {@code bipin targets} writes the table pre-filled with the targets in force and imports a filled one into
 * {@code jobs/targets/<scheme>.yaml}, which the scheme loader reads beside the scheme file.
 */
package cn.bipin.targets;
