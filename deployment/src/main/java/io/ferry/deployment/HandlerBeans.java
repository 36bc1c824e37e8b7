package io.ferry.deployment;

import io.ferry.bpmn.HandlerCall;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.arc.processor.BeanDeploymentValidator;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BeanResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * Checks each handler a BPMN file calls against the beans the container built, as the workers look it up at run time
 * ({@code @ServiceTask("name")} beans of type {@link ServiceTaskHandler}): exactly one resolves. Where none does, a
 * class annotated with the name says why (it is not a bean, or not a handler).
 */
final class HandlerBeans {

    /** How the report names what was checked: "Ferry found 2 problems in the service task handlers". */
    static final String SUBJECT = "the service task handlers";
    static final String NO_BEAN = "%s calls handler '%s', but no bean is annotated @ServiceTask(\"%s\"); add one that "
            + "implements io.ferry.service.ServiceTaskHandler";
    static final String TWO_BEANS = "%s calls handler '%s', but %d beans are annotated @ServiceTask(\"%s\"): %s; keep one, "
            + "or give the others names of their own";
    static final String NOT_A_BEAN = "%s calls handler '%s', but %s, annotated @ServiceTask(\"%s\"), is not a bean, so "
            + "nothing creates it; annotate it @ApplicationScoped";
    static final String NOT_A_HANDLER = "%s calls handler '%s', but bean %s, annotated @ServiceTask(\"%s\"), does not "
            + "implement io.ferry.service.ServiceTaskHandler; implement it";

    private static final DotName SERVICE_TASK = DotName.createSimple(ServiceTask.class);
    private static final Type HANDLER = Type.create(DotName.createSimple(ServiceTaskHandler.class), Type.Kind.CLASS);

    private final BeanResolver resolver;
    private final BeanDeploymentValidator.ValidationContext beans;
    private final IndexView index;

    HandlerBeans(BeanResolver resolver, BeanDeploymentValidator.ValidationContext beans, IndexView index) {
        this.resolver = resolver;
        this.beans = beans;
        this.index = index;
    }

    /** Every problem of every call, in the order of the calls. */
    List<String> problems(List<HandlerCall> calls) {
        List<String> problems = new ArrayList<>();
        for (HandlerCall call : calls) {
            Set<BeanInfo> handlers = resolver.resolveBeans(HANDLER, qualifier(call.handler()));
            if (handlers.size() > 1 && !resolvable(handlers)) {
                problems.add(call.problem(TWO_BEANS.formatted(call.element(), call.handler(), handlers.size(), call.handler(),
                        String.join(", ", handlers.stream().map(HandlerBeans::describe).sorted().toList()))));
            } else if (handlers.isEmpty()) {
                problems.addAll(unresolved(call));
            }
        }
        return problems;
    }

    /** Why no handler bean has the call's name: classes annotated with it that are not beans, or not handlers. */
    private List<String> unresolved(HandlerCall call) {
        List<String> problems = new ArrayList<>();
        for (DotName annotated : annotatedClasses(call.handler())) {
            boolean bean = Stream.concat(beans.beans().stream(), beans.removedBeans().stream())
                    .anyMatch(found -> found.isClassBean() && found.getBeanClass().equals(annotated));
            problems.add(call.problem((bean ? NOT_A_HANDLER : NOT_A_BEAN).formatted(call.element(), call.handler(), annotated,
                    call.handler())));
        }
        if (problems.isEmpty()) {
            problems.add(call.problem(NO_BEAN.formatted(call.element(), call.handler(), call.handler())));
        }
        return problems;
    }

    private List<DotName> annotatedClasses(String name) {
        return index.getAnnotations(SERVICE_TASK).stream()
                .filter(annotation -> annotation.target().kind() == AnnotationTarget.Kind.CLASS)
                .filter(annotation -> name.equals(annotation.value().asString()))
                .map(annotation -> annotation.target().asClass().name())
                .sorted()
                .toList();
    }

    /** Whether the container picks one of several beans itself (an alternative with a priority, say). */
    private boolean resolvable(Set<BeanInfo> handlers) {
        try {
            return resolver.resolveAmbiguity(handlers) != null;
        } catch (RuntimeException ambiguous) {
            return false;
        }
    }

    private static AnnotationInstance qualifier(String name) {
        return AnnotationInstance.builder(SERVICE_TASK).value(name).build();
    }

    /** A bean as a person finds it in the code: its class, or the producer that makes it. */
    private static String describe(BeanInfo bean) {
        if (bean.isProducerMethod()) {
            return bean.getDeclaringBean().getBeanClass() + "#" + bean.getTarget().orElseThrow().asMethod().name() + "()";
        }
        if (bean.isProducerField()) {
            return bean.getDeclaringBean().getBeanClass() + "#" + bean.getTarget().orElseThrow().asField().name();
        }
        return bean.getBeanClass().toString();
    }
}
