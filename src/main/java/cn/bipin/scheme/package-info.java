/** The campaign scheme: units, competitions, dimensions, weights and targets, loaded from {@code jobs/*.yaml}. */
package cn.bipin.scheme;
