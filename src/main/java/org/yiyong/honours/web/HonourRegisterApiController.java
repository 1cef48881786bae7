package org.yiyong.honours.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.honours.internal.ExamBonus;
import org.yiyong.honours.internal.HonourRegister;
import org.yiyong.honours.internal.HonourRegister.Filter;
import org.yiyong.honours.internal.HonourRegister.Row;
import org.yiyong.honours.internal.HonourStatus;
import org.yiyong.honours.internal.TitleLevel;
import org.yiyong.identity.CurrentUser;
import org.yiyong.shared.PageRequest;
import org.yiyong.shared.PageResult;

/** The register of honours in the API: who was honoured, filtered and paged. */
@RestController
@Tag(name = "honours")
class HonourRegisterApiController {

    private final HonourRegister register;
    private final ExamBonus examBonus;

    HonourRegisterApiController(HonourRegister register, ExamBonus examBonus) {
        this.register = register;
        this.examBonus = examBonus;
    }

    @GetMapping(path = "/api/v1/exam-bonus-certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The exam-bonus certificates (中考加分证明) issued in a year in the caller's data scope, "
            + "or in one region of it; one per child and year")
    List<ExamBonus.Certificate> examBonus(CurrentUser me, @RequestParam int year,
            @RequestParam(required = false) String region) {
        return examBonus.register(me, year, region);
    }

    @GetMapping(path = "/api/v1/honours", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Honours in the caller's data scope, most recently decided first, paginated; "
            + "filtered by the year decided, title code, level, status, region and a name or number")
    PageResult<Row> list(CurrentUser me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String title, @RequestParam(required = false) TitleLevel level,
            @RequestParam(required = false) HonourStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return register.search(me, new Filter(year, title, level, status, region, q), PageRequest.of(page, size));
    }
}
