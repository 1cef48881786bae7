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
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/** The benefits register: each request with the body responsible, followed to its outcome. */
@Service
public class Benefits {

    private final BenefitRegister register;
    private final SamaritanRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    Benefits(BenefitRegister register, SamaritanRegistry registry, AuditTrail audit, Clock clock) {
        this.register = register;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public Benefit.Kind[] kinds() {
        return Benefit.Kind.values();
    }

    public Benefit.Status[] statuses() {
        return Benefit.Status.values();
    }

    @Transactional(readOnly = true)
    public List<Benefit> of(long samaritanId) {
        return register.findBySamaritanIdOrderByRequestedOnDesc(samaritanId);
    }

    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Benefit request(CurrentUser me, long samaritanId, Benefit.Kind kind, LocalDate requestedOn, String what,
            String responsibleBody) {
        Inputs.required("kind", kind);
        LocalDate on = requestedOn == null ? LocalDate.now(clock) : requestedOn;
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidField("requestedOn", "samaritan.date.future");
        }
        String request = SamaritanRegistry.text("request", what, 1000, true);
        String body = SamaritanRegistry.text("responsibleBody", responsibleBody, 100, true);
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Benefit benefit = register.saveAndFlush(new Benefit(samaritanId, kind, on, request, body, me.username()));
        samaritan.noteChange("BENEFIT_REQUESTED", kind.name() + " · " + body, me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.CREATE, "Benefit", benefit.getId()).withDetail(kind + ": " + request));
        return benefit;
    }

    /** The next step: in progress, granted, refused or withdrawn (a closing step needs its outcome). */
    @Transactional
    @PreAuthorize(SamaritanRegistry.WRITE)
    public Benefit move(CurrentUser me, long samaritanId, long benefitId, Benefit.Status next, String outcome) {
        Inputs.required("status", next);
        if (outcome != null && outcome.length() > 1000) {
            throw new InvalidField("outcome", "validation.too-long");
        }
        Samaritan samaritan = registry.inScope(me, samaritanId);
        Benefit benefit = register.findById(benefitId).filter(b -> b.getSamaritanId() == samaritanId)
                .orElseThrow(() -> new RecordNotFound("Benefit", benefitId));
        benefit.moveTo(next, outcome, LocalDate.now(clock));
        samaritan.noteChange("BENEFIT_" + next.name(), benefit.getKind().name(), me.username(), clock.instant());
        audit.record(AuditRecord.of(AuditAction.UPDATE, "Benefit", benefitId).withDetail(next + ": " + outcome));
        return benefit;
    }
}
