/**
 * Honours: titles and their reward standards by effective date; instant commendations, honour rounds
 * with criteria, panels and scores, and recommendations upward; granted honours with their numbered
 * certificates and the public certificate check; rewards asked of the funds as payment requests;
 * transit cards and exam bonuses; the guarantees that nobody confirmed is left without the award due.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Honours",
        allowedDependencies = {"audit", "documents", "files", "funds", "identity", "imports", "organization",
                "platform", "samaritans", "shared", "web"})
package org.yiyong.honours;
