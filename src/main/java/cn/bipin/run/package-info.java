/** Runs of a scheme's pipeline for one period, their revisions and their outcome. */
package cn.bipin.run;
