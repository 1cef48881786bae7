package org.yiyong.samaritans.internal;

import org.yiyong.shared.Inputs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.Relation;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.SchoolStage;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.ResidentId;

/**
 * A samaritan's family — spouse, children, parents, others — and what each relative is entitled to,
 * with the condition that ends it (18th birthday, end of schooling, remarriage, death). Whenever a
 * relative's record changes, and every night, Yiyong ends the entitlements whose condition is met
 * and says so on the timeline.
 */
@Service
public class Family {

    private final SamaritanRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    Family(SamaritanRegistry registry, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Relative add(CurrentUser me, long samaritanId, NewRelative request) {
        Inputs.required("relation", request.relation());
        String name = SamaritanRegistry.text("name", request.name(), 60, true);
        ResidentId id = registry.residentId("residentId", request.residentId(), false);
        LocalDate birthDate = id != null ? id.birthDate() : request.birthDate();
        if (birthDate != null && birthDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("birthDate", "samaritan.date.future");
        }
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Relative relative = samaritan.addRelative(request.relation(), name, id == null ? null : registry.protect(id),
                birthDate, SamaritanRegistry.text("phone", request.phone(), 40, false), me.username(),
                clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritanId)
                .withDetail("relative added: " + request.relation() + " " + name));
        return relative;
    }

    /** School, stage and the recorded end of schooling of a child. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Samaritan schooling(CurrentUser me, long samaritanId, long relativeId, String school, SchoolStage stage,
            LocalDate schoolingEndsOn) {
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Relative relative = samaritan.relative(relativeId);
        relative.schooling(SamaritanRegistry.text("school", school, 100, false), stage, schoolingEndsOn);
        return relativeChanged(me, samaritan, "RELATIVE_SCHOOLING", relative.getName()
                + (stage == null ? "" : " · " + stage.name())
                + (schoolingEndsOn == null ? "" : " · " + schoolingEndsOn), "schooling of " + relative.getName());
    }

    /** A surviving spouse remarried on the given day. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Samaritan remarried(CurrentUser me, long samaritanId, long relativeId, LocalDate on) {
        LocalDate day = pastDay("remarriedOn", on);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Relative relative = samaritan.relative(relativeId);
        if (relative.getRelation() != Relation.SPOUSE) {
            throw new InvalidField("remarriedOn", "samaritan.relative.not-spouse");
        }
        relative.remarried(day);
        return relativeChanged(me, samaritan, "RELATIVE_REMARRIED", relative.getName() + " · " + day,
                "remarriage of " + relative.getName());
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Samaritan died(CurrentUser me, long samaritanId, long relativeId, LocalDate on) {
        LocalDate day = pastDay("diedOn", on);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Relative relative = samaritan.relative(relativeId);
        relative.died(day);
        return relativeChanged(me, samaritan, "RELATIVE_DIED", relative.getName() + " · " + day,
                "death of " + relative.getName());
    }

    /** Grants an entitlement from a day on, until its end condition. */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Samaritan entitle(CurrentUser me, long samaritanId, long relativeId, EntitlementKind kind,
            LocalDate from, EndCondition until) {
        Inputs.required("kind", kind);
        Inputs.required("endCondition", until);
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Relative relative = samaritan.relative(relativeId);
        if (until == EndCondition.AGE_18 && relative.getBirthDate() == null) {
            throw new InvalidField("endCondition", "samaritan.entitlement.birth-date-needed");
        }
        if (until == EndCondition.REMARRIAGE && relative.getRelation() != Relation.SPOUSE) {
            throw new InvalidField("endCondition", "samaritan.relative.not-spouse");
        }
        relative.entitle(kind, start, until);
        return relativeChanged(me, samaritan, "ENTITLEMENT_GRANTED",
                relative.getName() + " · " + kind.name() + " · " + until.name(),
                "entitlement " + kind + " for " + relative.getName() + " until " + until);
    }

    /**
     * A change to a relative goes on the samaritan's timeline and into the audit trail; then the
     * entitlements it brings to an end are ended.
     */
    private Samaritan relativeChanged(CurrentUser me, Samaritan samaritan, String kind, String timelineDetail,
            String auditDetail) {
        samaritan.noteChange(kind, timelineDetail, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritan.getId())
                .withDetail(auditDetail));
        endDue(samaritan, me.username());
        return samaritan;
    }

    /** Ends the due entitlements of one record; what it ended is on the timeline and in the audit trail. */
    List<Samaritan.EndedEntitlement> endDue(Samaritan samaritan, String actor) {
        List<Samaritan.EndedEntitlement> ended = samaritan.endDueEntitlements(LocalDate.now(clock), actor,
                clock.instant());
        if (!ended.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.UPDATE, SamaritanRegistry.ENTITY, samaritan.getId())
                    .withDetail("entitlements ended: " + ended).byActor(actor));
        }
        return ended;
    }

    private LocalDate pastDay(String field, LocalDate on) {
        if (on == null) {
            throw new InvalidField(field, "validation.required");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidField(field, "samaritan.date.future");
        }
        return on;
    }
}
