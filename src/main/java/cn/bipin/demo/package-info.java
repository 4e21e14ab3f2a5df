/**
 * Demo data for a first run on a fresh machine: filled-in templates, incentive data and ballots with a few realistic
 * mistakes. Who and what the demo is about are data files under {@code src/main/resources/demo/}; what is drawn from
 * a fixed seed is the Java here.
 */
package cn.bipin.demo;
