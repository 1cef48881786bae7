package org.yiyong.reporting.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiyong.deeds.DeadlineWatch;
import org.yiyong.honours.Guarantees;
import org.yiyong.identity.CurrentUser;
import org.yiyong.identity.SignedIn;
import org.yiyong.identity.Role;
import org.yiyong.identity.Users;
import org.yiyong.leads.LeadQueries;
import org.yiyong.organization.OrgType;
import org.yiyong.organization.OrganizationManagement;
import org.yiyong.organization.Regions;
import org.yiyong.reporting.ToDo;
import org.yiyong.samaritans.SamaritanRegistry;

/** The home page: who the user is, where they work, and real counts of what they can see. */
@Controller
class WorkbenchController {

    private final OrganizationManagement organizations;
    private final Users users;
    private final Regions regions;
    private final DeadlineWatch deadlines;
    private final LeadQueries leads;
    private final SamaritanRegistry samaritans;
    private final Guarantees guarantees;
    private final ToDo toDo;

    WorkbenchController(OrganizationManagement organizations, Users users, Regions regions,
            DeadlineWatch deadlines, LeadQueries leads, SamaritanRegistry samaritans, Guarantees guarantees,
            ToDo toDo) {
        this.toDo = toDo;
        this.samaritans = samaritans;
        this.guarantees = guarantees;
        this.leads = leads;
        this.organizations = organizations;
        this.users = users;
        this.regions = regions;
        this.deadlines = deadlines;
    }

    /** How many deeds near or past their deadline the workbench lists, the earliest due first. */
    static final int DUE_SHOWN = 20;

    /** The workbench of whoever is signed in; a visitor who is not gets the public portal's home page. */
    @GetMapping("/")
    String workbench(Model model) {
        CurrentUser me = SignedIn.user().orElse(null);
        if (me == null) {
            return "forward:/public";
        }
        if (me.roles().equals(java.util.Set.of(Role.LEADER))) {
            return "redirect:/dashboard";
        }
        model.addAttribute("tasks", toDo.of(me));
        // cards of what a person administers, and the deadlines of those who work on deeds; nothing else
        boolean organizationAdmin = me.hasAny(Role.SYSTEM_ADMIN, Role.CITY_STAFF, Role.COUNTY_STAFF);
        model.addAttribute("organizationAdmin", organizationAdmin);
        if (organizationAdmin) {
            Map<OrgType, Long> counts = organizations.activeCountsByType(me.scope());
            model.addAttribute("organizationCounts", counts);
            model.addAttribute("organizationTotal", counts.values().stream().mapToLong(Long::longValue).sum());
        }
        if (me.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            model.addAttribute("userCount", users.countIn(me.scope()));
        }
        if (me.has(Role.SYSTEM_ADMIN)) {
            model.addAttribute("regionCount", regions.within(me.scope()).size());
        }
        model.addAttribute("roles", me.roles().stream().sorted().map(Role::name).toList());
        boolean caseworker = me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.INVESTIGATOR, Role.STATION_STAFF);
        model.addAttribute("caseworker", caseworker);
        if (caseworker) {
            var due = deadlines.dueSoonOrOverdue(me.scope());
            model.addAttribute("dueDeeds", due);
            model.addAttribute("overdueCount", due.stream().filter(DeadlineWatch.DueDeed::overdue).count());
            model.addAttribute("dueSoonDays", DeadlineWatch.DUE_SOON_DAYS);
            // the earliest due: a province's list would be thousands of lines on the page after sign-in
            model.addAttribute("dueShown", DUE_SHOWN);
        }
        boolean awardIssues = me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.LEADER);
        model.addAttribute("awardIssuesLater", awardIssues);
        if (awardIssues) {
            model.addAttribute("leadsAwaiting", leads.awaitingTriage(me.scope()));
        }
        if (me.hasAny(Role.CITY_STAFF, Role.COUNTY_STAFF, Role.STATION_STAFF, Role.LEADER)) {
            model.addAttribute("registry", samaritans.counts(me.scope()));
        }
        return "reporting/workbench";
    }

    /** The workbench's figure of award issues, asked for by the page once it is shown. */
    @GetMapping("/workbench/award-issues")
    String awardIssues(CurrentUser me, Model model) {
        model.addAttribute("awardIssues", guarantees.count(me));
        return "reporting/workbench :: award-issues";
    }
}
