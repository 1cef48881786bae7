package org.yiyong.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.Inputs;

/**
 * The rules of {@link Inputs#check} for every value a JSON request body holds: each text, date and
 * decimal is read as usual and then checked, whichever request and field it is. A value that breaks
 * a rule stops the reading with {@link InvalidField}; Jackson adds the path of the field, and
 * {@link ApiExceptionHandler} answers 400 with the field and the message.
 *
 * <p>Only the API's request bodies are read with it (see {@link WebConfiguration}): what Yiyong
 * itself stores as JSON, such as events, is read back without these rules.
 */
final class InputRulesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    InputRulesModule() {
        super("yiyong-input-rules");
        setDeserializerModifier(new Modifier());
    }

    private static final class Modifier extends ValueDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return Inputs.isChecked(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
        }
    }

    /** Reads the value with the usual deserializer, then checks it. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            String field = parser.currentName();
            return Inputs.check(field == null ? "" : field, value);
        }
    }
}
