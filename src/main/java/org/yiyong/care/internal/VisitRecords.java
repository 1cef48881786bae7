package org.yiyong.care.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyong.audit.AuditAction;
import org.yiyong.audit.AuditRecord;
import org.yiyong.audit.AuditTrail;
import org.yiyong.files.Attachment;
import org.yiyong.files.Attachments;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.Inputs;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.RecordNotFound;

/**
 * Recording a home visit, usually on a phone in the household: who went, whom they met, how the family
 * lives, whether it is in hardship (which puts it on the quarterly cycle), photos, and each problem
 * found, which opens an assistance case. All of it is kept, or none of it.
 */
@Service
public class VisitRecords {

    static final String ENTITY = "Visit";

    /** A problem found, to become an assistance case. */
    public record Problem(AssistanceCase.Kind kind, String description) {
    }

    /** What a visitor records. */
    public record NewVisit(long samaritanId, LocalDate visitedOn, String visitors, String met, String livingConditions,
            boolean hardship, List<Problem> problems) {
    }

    /** A photo taken on the visit. */
    public record Photo(String name, Supplier<InputStream> content) {
    }

    private final Visits visits;
    private final Assistance assistance;
    private final Attachments attachments;
    private final AuditTrail audit;
    private final Clock clock;
    private final VisitSchedule schedule;

    VisitRecords(Visits visits, Assistance assistance, Attachments attachments, AuditTrail audit, Clock clock,
            VisitSchedule schedule) {
        this.schedule = schedule;
        this.visits = visits;
        this.assistance = assistance;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CITY_STAFF', 'COUNTY_STAFF', 'STATION_STAFF')")
    public Visit record(CurrentUser me, NewVisit request, List<Photo> photos) {
        LocalDate today = LocalDate.now(clock);
        Inputs.required("visitedOn", request.visitedOn());
        if (request.visitedOn().isAfter(today) || request.visitedOn().isBefore(today.minusYears(1))) {
            throw new InvalidField("visitedOn", "visit.date.range");
        }
        String visitors = Inputs.text("visitors", request.visitors(), 200, true);
        String met = Inputs.text("met", request.met(), 200, true);
        String conditions = Inputs.text("livingConditions", request.livingConditions(), 1000, true);
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : request.problems() == null ? List.<Problem>of() : request.problems()) {
            if (problem == null || (problem.kind() == null && (problem.description() == null
                    || problem.description().isBlank()))) {
                continue;
            }
            if (problem.kind() == null) {
                throw new InvalidField("problems", "visit.problem.kind-missing");
            }
            problems.add(new Problem(problem.kind(), Inputs.text("problems", problem.description(), 1000, true)));
        }
        String region = assistance.regionOf(me, request.samaritanId());
        String summary = problems.isEmpty() ? null : String.join("；", problems.stream()
                .map(Problem::description).toList());
        if (summary != null && summary.length() > 1000) {
            summary = summary.substring(0, 999) + "…";
        }
        Visit visit = visits.saveAndFlush(new Visit(request.samaritanId(), region, me.organizationId(),
                request.visitedOn(), visitors, met, conditions, request.hardship(), summary, me.username(),
                clock.instant()));
        audit.record(AuditRecord.of(AuditAction.CREATE, ENTITY, visit.getId())
                .withDetail("visited " + request.samaritanId() + " on " + visit.getVisitedOn()
                        + (request.hardship() ? " (hardship)" : "") + ", " + problems.size() + " problems"));
        for (Problem problem : problems) {
            assistance.open(me, request.samaritanId(), visit.getId(), problem.kind(), problem.description());
        }
        for (Photo photo : photos == null ? List.<Photo>of() : photos) {
            try (InputStream content = photo.content().get()) {
                attachments.store(me, VisitPhotos.OWNER_TYPE, visit.getId(), photo.name(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // last: the keeping lock is then held only until the commit that follows
        schedule.keep(List.of(request.samaritanId()));
        return visit;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VisitSchedule.READ)
    public Visit get(CurrentUser me, long id) {
        return visits.findByIdAndRegionCodeIn(id, me.scope().regionCodes())
                .orElseThrow(() -> new RecordNotFound(ENTITY, id));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VisitSchedule.READ)
    public List<Attachment> photos(CurrentUser me, long id) {
        return attachments.list(me, VisitPhotos.OWNER_TYPE, id);
    }

    /** A household's visits, newest first, for its profile (the caller has opened the profile within scope). */
    @Transactional(readOnly = true)
    public List<Visit> of(long samaritanId) {
        return visits.findBySamaritanIdOrderByVisitedOnDescIdDesc(samaritanId);
    }
}
