package io.ferry.service;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Marks a {@link ServiceTaskHandler} bean as the handler a BPMN service task names: a service task
 * whose handler is {@code "charge-card"} calls the bean annotated {@code @ServiceTask("charge-card")}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface ServiceTask {

    /** The handler name the BPMN service task refers to. */
    String value();

    /** For looking a handler up by name at run time ({@code handlers.select(ServiceTask.Literal.of(name))}). */
    final class Literal extends AnnotationLiteral<ServiceTask> implements ServiceTask {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
