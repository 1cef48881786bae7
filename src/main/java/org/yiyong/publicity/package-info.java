/**
 * Publicity: the public portal, open without signing in — public notices and objections now; the lead
 * form, the honour roll, stories and the certificate check later.
 */
package org.yiyong.publicity;
