package org.yiyong.community.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyong.community.HostKind;
import org.yiyong.community.StationStatus;
import org.yiyong.community.Stations;
import org.yiyong.community.ThemeParks;
import org.yiyong.community.Volunteering;
import org.yiyong.identity.CurrentUser;
import org.yiyong.web.PageSteps;

/** The work stations: the list by county (with their places), a station's page with its ledger and steps. */
@Controller
class StationPages {

    private final Stations stations;
    private final Volunteering volunteering;
    private final ThemeParks parks;
    private final tools.jackson.databind.json.JsonMapper json;

    StationPages(Stations stations, Volunteering volunteering, ThemeParks parks,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.stations = stations;
        this.volunteering = volunteering;
        this.parks = parks;
    }

    @GetMapping("/stations")
    String list(CurrentUser me, Model model) {
        model.addAttribute("stations", stations.stations(me));
        return "community/stations";
    }

    /**
     * The map: the stations and theme parks with coordinates plotted by longitude and latitude over Quanzhou's
     * bounding box (no map tiles are needed), and the same places listed by county below it.
     */
    @GetMapping("/community/map")
    String map(CurrentUser me, Model model) {
        java.util.List<java.util.Map<String, Object>> points = new java.util.ArrayList<>();
        java.util.List<Stations.Station> all = stations.stations(me);
        for (Stations.Station s : all) {
            if (s.latitude() != null) {
                Stations.Ledger ledger = stations.ledger(me, s.organizationId());
                points.add(java.util.Map.of("kind", s.demonstration() ? "demonstration" : "station", "name", s.name(),
                        "lat", s.latitude(), "lon", s.longitude(), "path", "/stations/" + s.organizationId(),
                        "detail", ledger.teams() + " / " + ledger.activeVolunteers() + " / " + ledger.activitiesThisYear()));
            }
        }
        java.util.List<ThemeParks.Park> parkList = parks.parks(me);
        for (ThemeParks.Park p : parkList) {
            if (p.latitude() != null) {
                points.add(java.util.Map.of("kind", "park", "name", p.name(), "lat", p.latitude(), "lon", p.longitude(),
                        "path", "/theme-parks/" + p.id(), "detail", p.status().name()));
            }
        }
        model.addAttribute("points", json.writeValueAsString(points));
        model.addAttribute("stations", all);
        model.addAttribute("parks", parkList);
        model.addAttribute("bounds", json.writeValueAsString(java.util.List.of(org.yiyong.community.Coordinates.WEST,
                org.yiyong.community.Coordinates.EAST, org.yiyong.community.Coordinates.SOUTH,
                org.yiyong.community.Coordinates.NORTH)));
        return "community/map";
    }

    @GetMapping("/stations/{id}")
    String station(CurrentUser me, @PathVariable long id, Model model) {
        Stations.Station station = stations.station(me, id);
        model.addAttribute("station", station);
        model.addAttribute("steps", station.profiled() ? stations.steps(me, id) : java.util.List.of());
        model.addAttribute("staff", stations.staff(me, id));
        model.addAttribute("ledger", stations.ledger(me, id));
        model.addAttribute("teams", volunteering.teams(me).stream().filter(t -> t.organizationId() == id).toList());
        model.addAttribute("hostKinds", HostKind.values());
        model.addAttribute("next", station.status() == StationStatus.CLOSED ? null
                : StationStatus.values()[station.status().ordinal() + 1]);
        return "community/station";
    }

    @PostMapping("/stations/{id}/profile")
    String profile(CurrentUser me, @PathVariable long id, @RequestParam(required = false) HostKind hostKind,
            @RequestParam(required = false) String hostName, @RequestParam(required = false) BigDecimal latitude,
            @RequestParam(required = false) BigDecimal longitude, @RequestParam(required = false) String openingHours,
            @RequestParam(required = false) String publicPhone,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/stations/" + id, "station.saved", () -> stations.saveProfile(me, id,
                new Stations.Profile(hostKind, hostName, latitude, longitude, openingHours, publicPhone, foundedOn)));
    }

    @PostMapping("/stations/{id}/status")
    String advance(CurrentUser me, @PathVariable long id, @RequestParam(required = false) StationStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/stations/" + id, "station.advanced",
                () -> stations.advance(me, id, status, on, note));
    }

    @PostMapping("/stations/{id}/demonstration")
    String demonstration(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        return PageSteps.step(redirect, "/stations/" + id, "station.demonstration.saved",
                () -> stations.nameDemonstration(me, id, year));
    }
}
