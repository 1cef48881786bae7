/**
 * Care: visits to every samaritan household on a schedule by category, the problems found followed as
 * assistance cases, festival condolence campaigns, student aid rounds and targeted aid — the money
 * asked of the funds module as payment requests, and nobody left out without a recorded reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care",
        allowedDependencies = {"audit", "files", "funds", "identity", "imports", "organization", "platform",
                "samaritans", "shared", "web"})
package org.yiyong.care;
