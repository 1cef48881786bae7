package org.yiyong.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What a user may do. Stored by name; the Spring Security authority is {@code ROLE_<name>}. */
public enum Role {
    /** 系统管理员: organizations, user accounts, passwords; not roles, not the audit trail */
    SYSTEM_ADMIN,
    /** 安全管理员: assigns roles and unlocks accounts; the only one who may */
    SECURITY_ADMIN,
    /** 审计管理员: reads the audit trail; the only one who may */
    AUDIT_ADMIN,
    /** 市级工作人员: city association or bureau staff, sees the whole city */
    CITY_STAFF,
    /** 县级工作人员: county association or bureau staff, sees their county */
    COUNTY_STAFF,
    /** 调查人员: investigates deeds */
    INVESTIGATOR,
    /** 工委会成员: reviews deeds and honours */
    COMMITTEE_MEMBER,
    /** 财务审核: approves payment orders */
    FINANCE_REVIEWER,
    /** 出纳: disburses approved payment orders */
    CASHIER,
    /** 工作站人员: keeps a work station's records */
    STATION_STAFF,
    /** 领导: reads everything in scope, changes nothing */
    LEADER;

    /**
     * The three administrators (三员): no person may hold more than one of them, nor any other role — an
     * administrator who also did business could grant, hide or audit their own work.
     */
    public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }

    /** Whether a set of roles keeps the three administrators apart: an administrator's role is their only one. */
    public static boolean keepsAdministratorsApart(Collection<Role> roles) {
        return roles.stream().noneMatch(Role::isAdministrator) || roles.size() == 1;
    }
}
