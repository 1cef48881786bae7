/**
 * Publicity: the public portal, open without signing in — public notices and objections, robots.txt and the
 * sitemap now; the lead form, the honour roll, stories and the certificate check later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publicity",
        allowedDependencies = {"deeds", "shared", "web"})
package org.yiyong.publicity;
