package org.yiyong.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyong.organization.Region;
import org.yiyong.organization.Regions;

/** The region tree, as a page and as JSON. */
final class RegionControllers {

    private RegionControllers() {
    }

    @Controller
    static class RegionPage {

        private final Regions regions;

        RegionPage(Regions regions) {
            this.regions = regions;
        }

        @GetMapping("/regions")
        String tree(Model model) {
            model.addAttribute("tree", regions.tree());
            return "organization/regions";
        }
    }

    @RestController
    @Tag(name = "regions")
    static class RegionApi {

        private final Regions regions;

        RegionApi(Regions regions) {
            this.regions = regions;
        }

        @GetMapping("/api/v1/regions")
        @Operation(summary = "The region tree: Fujian, Quanzhou, its counties and functional areas")
        List<Region> tree() {
            return regions.tree();
        }
    }
}
