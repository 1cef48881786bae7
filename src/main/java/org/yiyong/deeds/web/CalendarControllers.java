package org.yiyong.deeds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.deeds.Deadlines;
import org.yiyong.deeds.internal.CalendarAdministration;
import org.yiyong.deeds.internal.CalendarDay;
import org.yiyong.shared.InvalidField;

/** The holiday table, as a page for the system administrator and as JSON. */
final class CalendarControllers {

    private CalendarControllers() {
    }

    /** What the form and the API send to add a day. */
    record CalendarDayForm(@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @NotNull(message = "{validation.required}") CalendarDay.Kind kind,
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.too-long}") String name) {

        CalendarDay day() {
            return new CalendarDay(date, kind, name);
        }
    }

    @Controller
    static class CalendarPage {

        private static final String VIEW = "deeds/calendar";

        private final CalendarAdministration calendar;
        private final Deadlines deadlines;
        private final Clock clock;

        CalendarPage(CalendarAdministration calendar, Deadlines deadlines, Clock clock) {
            this.calendar = calendar;
            this.deadlines = deadlines;
            this.clock = clock;
        }

        @GetMapping("/calendar")
        String show(@RequestParam(required = false) Integer year, Model model) {
            int shown = year == null ? LocalDate.now(clock).getYear() : Math.max(2000, Math.min(year, 2100));
            model.addAttribute("year", shown);
            model.addAttribute("days", calendar.year(shown));
            model.addAttribute("rule", deadlines.rule());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new CalendarDayForm(null, CalendarDay.Kind.HOLIDAY, ""));
            }
            return VIEW;
        }

        @PostMapping("/calendar")
        String add(@Valid @ModelAttribute("form") CalendarDayForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
            if (!result.hasErrors()) {
                try {
                    calendar.add(form.day());
                    redirect.addFlashAttribute("success", "calendar.day.added");
                    return "redirect:/calendar?year=" + form.date().getYear();
                } catch (InvalidField invalid) {
                    result.rejectValue(invalid.field(), invalid.messageKey(), invalid.arguments(), null);
                }
            }
            return show(form.date() == null ? null : form.date().getYear(), model);
        }

        @PostMapping("/calendar/{date}/remove")
        String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                RedirectAttributes redirect) {
            calendar.remove(date);
            redirect.addFlashAttribute("success", "calendar.day.removed");
            return "redirect:/calendar?year=" + date.getYear();
        }
    }

    @RestController
    @Tag(name = "calendar")
    static class CalendarApi {

        private final CalendarAdministration calendar;

        CalendarApi(CalendarAdministration calendar) {
            this.calendar = calendar;
        }

        @GetMapping("/api/v1/calendar-days")
        @Operation(summary = "The holidays and exchanged working days of a year")
        List<CalendarDay> year(@RequestParam int year) {
            return calendar.year(year);
        }

        @PostMapping(path = "/api/v1/calendar-days", consumes = MediaType.APPLICATION_JSON_VALUE)
        @Operation(summary = "Add a holiday or an exchanged working day (system administrator)")
        ResponseEntity<CalendarDay> add(@Valid @RequestBody CalendarDayForm form) {
            calendar.add(form.day());
            return ResponseEntity.created(URI.create("/api/v1/calendar-days?year=" + form.date().getYear()))
                    .body(form.day());
        }

        @DeleteMapping("/api/v1/calendar-days/{date}")
        @Operation(summary = "Remove a day from the table (system administrator)")
        ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
            calendar.remove(date);
            return ResponseEntity.noContent().build();
        }
    }
}
