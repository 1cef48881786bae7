/**
 * Publicity: the public portal and what staff prepare for it. The portal — its home page, the honour roll of
 * people who consented, heroes' stories, news and law pages with their Atom feed, the open accounts of the money,
 * the public notices and objections, and (under its layout) the lead form, the lead look-up and the certificate
 * check — is open without signing in, keeps no session and is cacheable. Staff record consents to publication,
 * write and review articles, and prepare and publish open accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publicity",
        allowedDependencies = {"audit", "deeds", "files", "funds", "honours", "identity", "organization",
                "samaritans", "shared", "web"})
package org.yiyong.publicity;
