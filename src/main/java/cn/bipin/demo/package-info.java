/** Demo submissions for a first run on a fresh machine: filled-in templates with a few realistic mistakes. */
package cn.bipin.demo;
