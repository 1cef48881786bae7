package org.yiyong.samaritans.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.identity.CurrentUser;
import org.yiyong.samaritans.SamaritanRegistry;
import org.yiyong.samaritans.internal.Benefit;
import org.yiyong.samaritans.internal.Benefits;
import org.yiyong.samaritans.internal.DeathDetermination;
import org.yiyong.samaritans.internal.Deaths;
import org.yiyong.samaritans.internal.HospitalStay;
import org.yiyong.samaritans.internal.MedicalCare;
import org.yiyong.samaritans.internal.MedicalExpense;
import org.yiyong.shared.Money;
import org.yiyong.shared.RecordNotFound;

/** Death determinations with their compensation, hospital stays with expenses, and the benefits register. */
@RestController
@Tag(name = "samaritans")
class ProtectionApiController {

    private final SamaritanRegistry registry;
    private final Deaths deaths;
    private final MedicalCare medical;
    private final Benefits benefits;

    ProtectionApiController(SamaritanRegistry registry, Deaths deaths, MedicalCare medical, Benefits benefits) {
        this.registry = registry;
        this.deaths = deaths;
        this.medical = medical;
        this.benefits = benefits;
    }

    @GetMapping(path = "/api/v1/samaritans/{id}/death", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The death determination; 404 when none is recorded")
    DeathDetermination death(CurrentUser me, @PathVariable long id) {
        registry.get(me, id);
        return deaths.of(id).orElseThrow(() -> new RecordNotFound("DeathDetermination", id));
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/death", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the death: a martyr application, death on duty, or otherwise with the one-time compensation")
    ResponseEntity<DeathDetermination> record(CurrentUser me, @PathVariable long id, @RequestBody DeathRequest request) {
        return ResponseEntity.status(201).body(deaths.record(me, id, request.diedOn(), request.determination(),
                request.documentNumber(), Boolean.TRUE.equals(request.grantSurvivors())));
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/death/martyr-decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The province's decision on the martyr application")
    DeathDetermination martyr(CurrentUser me, @PathVariable long id, @RequestBody MartyrRequest request) {
        return deaths.martyrDecision(me, id, Boolean.TRUE.equals(request.approved()), request.decidedOn(),
                request.documentNumber());
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/death/determination", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "After a rejected martyr application: death on duty, or otherwise with the compensation")
    DeathDetermination redetermine(CurrentUser me, @PathVariable long id, @RequestBody DeathRequest request) {
        return deaths.redetermine(me, id, request.determination(), request.documentNumber());
    }

    @GetMapping(path = "/api/v1/death-parameters", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The yearly parameters of the one-time compensation")
    List<Deaths.Parameter> parameters() {
        return deaths.parameters();
    }

    @PutMapping(path = "/api/v1/death-parameters/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a year's parameters (city staff)")
    ResponseEntity<Void> setParameter(CurrentUser me, @PathVariable int year, @RequestBody ParameterRequest request) {
        deaths.setParameter(me, year, request.urbanDisposableIncome(), request.platoonOfficerMonthlySalary());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/samaritans/{id}/hospital-stays", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hospital stays with expenses, totals by payer and the living allowance")
    List<StayView> stays(CurrentUser me, @PathVariable long id) {
        var samaritan = registry.get(me, id);
        return medical.of(id).stream().map(stay -> view(stay, samaritan.getRegionCode())).toList();
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/hospital-stays", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a hospital stay")
    ResponseEntity<StayView> admit(CurrentUser me, @PathVariable long id, @RequestBody StayRequest request) {
        HospitalStay stay = medical.admit(me, id, request.hospital(), request.admittedOn(), request.dischargedOn(),
                request.diagnosis());
        return ResponseEntity.status(201).body(view(stay, registry.get(me, id).getRegionCode()));
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/hospital-stays/{stayId}/expenses",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a medical expense and who advanced it")
    StayView expense(CurrentUser me, @PathVariable long id, @PathVariable long stayId,
            @RequestBody ExpenseRequest request) {
        HospitalStay stay = medical.addExpense(me, id, stayId, request.amount(), request.payer(), request.paidOn(),
                request.note());
        return view(stay, registry.get(me, id).getRegionCode());
    }

    @GetMapping(path = "/api/v1/samaritans/{id}/benefits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The benefits register of a samaritan")
    List<Benefit> benefitsOf(CurrentUser me, @PathVariable long id) {
        registry.get(me, id);
        return benefits.of(id);
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/benefits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a benefit request with the body responsible")
    ResponseEntity<Benefit> request(CurrentUser me, @PathVariable long id, @RequestBody BenefitRequest request) {
        return ResponseEntity.status(201).body(benefits.request(me, id, request.kind(), request.requestedOn(),
                request.request(), request.responsibleBody()));
    }

    @PostMapping(path = "/api/v1/samaritans/{id}/benefits/{benefitId}/status",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a benefit on: in progress, granted, refused or withdrawn (closing needs the outcome)")
    Benefit move(CurrentUser me, @PathVariable long id, @PathVariable long benefitId, @RequestBody MoveRequest request) {
        return benefits.move(me, id, benefitId, request.status(), request.outcome());
    }

    private StayView view(HospitalStay stay, String regionCode) {
        return new StayView(stay.getId(), stay.getHospital(), stay.getAdmittedOn(), stay.getDischargedOn(),
                stay.getDiagnosis(), stay.getExpenses().stream().map(e -> new StayView.Expense(e.getAmount().amount(),
                        e.getPayer(), e.getPaidOn(), e.getNote())).toList(),
                stay.total().amount(), amounts(stay.totalsByPayer()),
                medical.livingAllowance(stay, regionCode).orElse(null));
    }

    private static Map<MedicalExpense.Payer, BigDecimal> amounts(Map<MedicalExpense.Payer, Money> totals) {
        Map<MedicalExpense.Payer, BigDecimal> amounts = new EnumMap<>(MedicalExpense.Payer.class);
        totals.forEach((payer, total) -> amounts.put(payer, total.amount()));
        return amounts;
    }

    record StayView(long id, String hospital, LocalDate admittedOn, LocalDate dischargedOn, String diagnosis,
            List<Expense> expenses, BigDecimal total, Map<MedicalExpense.Payer, BigDecimal> totalsByPayer,
            BigDecimal livingAllowance) {

        record Expense(BigDecimal amount, MedicalExpense.Payer payer, LocalDate paidOn, String note) {
        }
    }

    record DeathRequest(LocalDate diedOn, Deaths.Determination determination, String documentNumber,
            Boolean grantSurvivors) {
    }

    record MartyrRequest(Boolean approved, LocalDate decidedOn, String documentNumber) {
    }

    record ParameterRequest(BigDecimal urbanDisposableIncome, BigDecimal platoonOfficerMonthlySalary) {
    }

    record StayRequest(String hospital, LocalDate admittedOn, LocalDate dischargedOn, String diagnosis) {
    }

    record ExpenseRequest(BigDecimal amount, MedicalExpense.Payer payer, LocalDate paidOn, String note) {
    }

    record BenefitRequest(Benefit.Kind kind, LocalDate requestedOn, String request, String responsibleBody) {
    }

    record MoveRequest(Benefit.Status status, String outcome) {
    }
}
