package io.ferry.deployment.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handlers may block, so they never run on the event loop: not when a start reaches one (here through
 * an embedded sub-process), nor when completing a task does, although a start that only reaches a user
 * task runs the engine in place.
 */
class ServiceTaskHandlersRunOffTheEventLoopTest {

    private static final String STARTS_INTO_SERVICE_TASK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="direct" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="prepare"/>
                <subProcess id="prepare">
                  <startEvent id="prepareStart"/>
                  <sequenceFlow id="p1" sourceRef="prepareStart" targetRef="call"/>
                  <serviceTask id="call" ferry:handler="where"/>
                  <sequenceFlow id="p2" sourceRef="call" targetRef="prepared"/>
                  <endEvent id="prepared"/>
                </subProcess>
                <sequenceFlow id="f2" sourceRef="prepare" targetRef="review"/>
                <userTask id="review"/>
                <sequenceFlow id="f3" sourceRef="review" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;
    private static final String STARTS_INTO_USER_TASK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="later" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
                <userTask id="approve"/>
                <sequenceFlow id="f2" sourceRef="approve" targetRef="call"/>
                <serviceTask id="call" ferry:handler="where"/>
                <sequenceFlow id="f3" sourceRef="call" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(WhereHandler.class)
                    .addAsResource(new StringAsset(STARTS_INTO_SERVICE_TASK), "processes/direct.bpmn")
                    .addAsResource(new StringAsset(STARTS_INTO_USER_TASK), "processes/later.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @BeforeEach
    void forget() {
        WhereHandler.ON_EVENT_LOOP.clear();
    }

    @Test
    void aStartThatReachesAServiceTaskRunsItsHandlerOnAWorker() {
        start("direct").then().statusCode(201);

        assertThat(WhereHandler.ON_EVENT_LOOP).containsExactly(false);
    }

    @Test
    void aCompletionThatReachesAServiceTaskRunsItsHandlerOnAWorker() {
        String id = start("later").then().statusCode(201).extract().path("id");
        assertThat(WhereHandler.ON_EVENT_LOOP).isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/approve/complete", id).then().statusCode(200);

        assertThat(WhereHandler.ON_EVENT_LOOP).containsExactly(false);
    }

    private static io.restassured.response.Response start(String processId) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/{processId}/instances", processId);
    }

    @ApplicationScoped
    @ServiceTask("where")
    public static class WhereHandler implements ServiceTaskHandler {

        static final List<Boolean> ON_EVENT_LOOP = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) {
            ON_EVENT_LOOP.add(Context.isOnEventLoopThread());
            return Map.of();
        }
    }
}
