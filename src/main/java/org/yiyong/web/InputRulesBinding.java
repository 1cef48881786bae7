package org.yiyong.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import org.springframework.beans.PropertyAccessException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Inputs;

/**
 * The rules of {@link Inputs#check} for every text, date and decimal that a form field, a query
 * parameter or a path segment binds to, on pages and in the API alike.
 *
 * <p>The editors read the value as Spring would (dates as ISO, which is what every form sends and
 * every {@code @DateTimeFormat} of Yiyong asks for; decimals as plain numbers) and then check it. A
 * refused value is a {@link RefusedValue}, which Spring reports as a type mismatch of the field:
 * {@link ApiExceptionHandler} and {@link PageExceptionHandler} answer it with 400 and the message, and
 * on a form object the binding stops with {@link InvalidField} on the field, before the controller
 * runs, so nothing is saved.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputRulesBinding {

    @InitBinder
    void applyInputRules(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Checked<>(true, text -> text));
        binder.registerCustomEditor(LocalDate.class,
                new Checked<>(false, text -> parse(text, LocalDate::from, DateTimeFormatter.ISO_DATE)));
        binder.registerCustomEditor(LocalDateTime.class,
                new Checked<>(false, text -> parse(text, LocalDateTime::from, DateTimeFormatter.ISO_DATE_TIME)));
        binder.registerCustomEditor(BigDecimal.class, new Checked<>(false, BigDecimal::new));
        binder.setBindingErrorProcessor(new RefusingErrorProcessor());
    }

    /** A text that is no date is a type mismatch, as it was with Spring's own parsing. */
    private static <T> T parse(String text, TemporalQuery<T> query, DateTimeFormatter format) {
        try {
            return format.parse(text, query);
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException(notADate.getMessage(), notADate);
        }
    }

    /**
     * Reads a value from its text, then checks it. Text is kept as sent; other values are read from
     * the text without surrounding blanks, and a blank one is {@code null}, as Spring does.
     */
    private static final class Checked<T> extends PropertyEditorSupport {

        private final boolean text;
        private final Reader<T> reader;

        Checked(boolean text, Reader<T> reader) {
            this.text = text;
            this.reader = reader;
        }

        @Override
        public void setAsText(String sent) {
            if (sent == null || (!text && sent.isBlank())) {
                setValue(null);
                return;
            }
            T value = reader.read(text ? sent : sent.strip());
            try {
                setValue(Inputs.check("", value));
            } catch (InvalidField refused) {
                throw new RefusedValue(refused);
            }
        }

        /** How a form shows the value again: ISO dates, plain decimals. */
        @Override
        public String getAsText() {
            Object value = getValue();
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return value == null ? "" : value.toString();
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(String text);
    }

    /** A bound form object stops at a refused field, named, instead of carrying on without it. */
    private static final class RefusingErrorProcessor extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (ex.getCause() instanceof RefusedValue refused) {
                throw refused.at(ex.getPropertyName());
            }
            super.processPropertyAccessException(ex, bindingResult);
        }
    }
}
