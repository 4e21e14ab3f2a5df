/** The statisticians' command line (picocli): it only launches work and reports; no domain logic lives here. */
package cn.bipin.cli;
