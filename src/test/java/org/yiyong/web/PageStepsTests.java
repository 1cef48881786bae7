package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;

/** A page step sends the browser back with how it went; not found and forbidden are not shown on the page. */
class PageStepsTests {

    @Test
    void aStepThatGoesThroughRedirectsWithItsSuccessMessage() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        int[] ran = {0};

        String view = PageSteps.step(redirect, "/deeds/7", "deed.accepted", () -> ran[0]++);

        assertThat(view).isEqualTo("redirect:/deeds/7");
        assertThat(ran[0]).isOne();
        Map<String, Object> flash = Map.copyOf(redirect.getFlashAttributes());
        assertThat(flash).containsOnlyKeys("success").containsEntry("success", "deed.accepted");
    }

    @Test
    void aRefusedStepRedirectsBackWithTheRefusalAndItsArguments() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        String view = PageSteps.step(redirect, "/campaigns/3", "campaign.cancelled", () -> {
            throw new InvalidField("reason", "validation.too-long", 200);
        });

        assertThat(view).isEqualTo("redirect:/campaigns/3");
        Map<String, Object> flash = Map.copyOf(redirect.getFlashAttributes());
        assertThat(flash).containsOnlyKeys("failure", "failureArgs", "failureField")
                .containsEntry("failure", "validation.too-long").containsEntry("failureField", "reason");
        assertThat((Object[]) flash.get("failureArgs")).containsExactly(200);
    }

    @Test
    void anOutcomeFlashesTheMessageItsActionAnswers() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        String view = PageSteps.outcome(redirect, "/samaritans/5#disability", () -> "disability.scheduled");

        assertThat(view).isEqualTo("redirect:/samaritans/5#disability");
        assertThat(redirect.getFlashAttributes().get("success")).isEqualTo("disability.scheduled");
    }

    @Test
    void notFoundAndForbiddenAreThrownOnWithNothingFlashed() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        assertThatThrownBy(() -> PageSteps.step(redirect, "/deeds/9", "deed.accepted", () -> {
            throw new RecordNotFound("deed", 9);
        })).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> PageSteps.refused(redirect, new NotAllowed("deed.not-allowed"), "/deeds/9"))
                .isInstanceOf(NotAllowed.class);
        assertThat(redirect.getFlashAttributes()).isEmpty();
    }
}
