package io.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The race of issue 8's "Two pods at once", as the clients see it: one sweeper per pod calls the
 * sweep until it reports every process finished, while clients complete "approveOrder" on random
 * old instances through either pod, all let go at once. It runs a fixed number of operations, not
 * a time, and keeps every answer.
 */
final class PodRace {

    /** What the reference process needs to complete "approveOrder" (the README's drive of the reference process). */
    static final String COMPLETE_BODY = "{\"variables\":{\"approved\":true}}";
    /** The issue saw a sweep call take over 30 s; a request is given up only well after that. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final long SEED = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request and its answer; status 0 when none came (connection lost, timed out), the body then says why. */
    record Answer(String pod, String request, UUID instance, int status, String body, Duration took) {

        String problemType() {
            return json().path("type").asText("(no problem type)");
        }

        /** A sweep answered 200 with every process finished. */
        boolean sweepFinished() {
            return status == 200 && json().path("processes").findValues("finished").stream().allMatch(JsonNode::asBoolean);
        }

        private JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            return "POST " + request + " on " + pod + " → " + status + " after " + took.toMillis() + " ms: " + body;
        }
    }

    /** Every answer of the race. */
    record Result(List<Answer> completions, List<Answer> sweeps, Duration elapsed) {

        /** Any 5xx, or no answer at all. */
        List<Answer> serverErrors() {
            return Stream.concat(completions.stream(), sweeps.stream())
                    .filter(answer -> answer.status() >= 500 || answer.status() == 0).toList();
        }

        /** Pods whose last sweep call did not report every process finished. */
        List<String> podsNotFinished() {
            Map<String, Answer> last = sweeps.stream().collect(Collectors.toMap(Answer::pod, Function.identity(),
                    (earlier, later) -> later));
            return last.values().stream().filter(answer -> !answer.sweepFinished()).map(Answer::pod).toList();
        }

        /** How many completions each instance answered 200 to. */
        Map<UUID, Long> appliedCompletions() {
            return completions.stream().filter(answer -> answer.status() == 200)
                    .collect(Collectors.groupingBy(Answer::instance, Collectors.counting()));
        }

        /** The completions refused with a 4xx of any other problem type. */
        List<Answer> refusalsOtherThan(Set<String> problemTypes) {
            return completions.stream().filter(answer -> answer.status() >= 400 && answer.status() < 500)
                    .filter(answer -> !problemTypes.contains(answer.problemType())).toList();
        }

        /** For the reader of a run, not asserted: counts, and times that depend on the machine. */
        String summary() {
            Map<Integer, Long> statuses = completions.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            Duration slowestSweep = sweeps.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
            return "%d completions (statuses %s) and %d sweep calls (the slowest %d ms) in %.1f s".formatted(completions.size(),
                    statuses, sweeps.size(), slowestSweep.toMillis(), elapsed.toMillis() / 1000.0);
        }
    }

    private PodRace() {
    }

    static Result run(List<PackagedApp> pods, List<UUID> oldInstances, int clients, int completionsPerClient, String sweep,
            int sweepCallsAtMost) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(pods.size() + clients);
        try {
            List<Future<List<Answer>>> sweepers = new ArrayList<>();
            for (PackagedApp pod : pods) {
                sweepers.add(threads.submit(released(go, () -> sweepUntilFinished(pod, sweep, sweepCallsAtMost))));
            }
            List<Future<List<Answer>>> completers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                Random random = new Random(SEED + client);
                completers.add(threads.submit(released(go, () -> completeRandomly(pods, oldInstances, completionsPerClient, random))));
            }
            long begin = System.nanoTime();
            go.countDown();
            List<Answer> completions = all(completers);
            List<Answer> sweeps = all(sweepers);
            return new Result(completions, sweeps, Duration.ofNanos(System.nanoTime() - begin));
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Answer> sweepUntilFinished(PackagedApp pod, String sweep, int callsAtMost) {
        HttpClient http = client();
        List<Answer> answers = new ArrayList<>();
        Answer last;
        do {
            last = post(http, pod, sweep, null, "");
            answers.add(last);
        } while (!last.sweepFinished() && answers.size() < callsAtMost);
        return answers;
    }

    private static List<Answer> completeRandomly(List<PackagedApp> pods, List<UUID> oldInstances, int completions,
            Random random) {
        HttpClient http = client();
        List<Answer> answers = new ArrayList<>(completions);
        for (int i = 0; i < completions; i++) {
            UUID instance = oldInstances.get(random.nextInt(oldInstances.size()));
            PackagedApp pod = pods.get(random.nextInt(pods.size()));
            answers.add(post(http, pod, "/instances/" + instance + "/tasks/approveOrder/complete", instance, COMPLETE_BODY));
        }
        return answers;
    }

    private static Answer post(HttpClient http, PackagedApp pod, String path, UUID instance, String body) {
        String name = "localhost:" + pod.port();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + name + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long begin = System.nanoTime();
        int status;
        String answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException noAnswer) {
            status = 0;
            answer = noAnswer.toString();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            status = 0;
            answer = interrupted.toString();
        }
        return new Answer(name, path, instance, status, answer, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** Each client its own HTTP/1.1 connection, as one user of the API would have. */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static <T> Callable<T> released(CountDownLatch go, Callable<T> work) {
        return () -> {
            go.await();
            return work.call();
        };
    }

    private static List<Answer> all(List<Future<List<Answer>>> futures) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> future : futures) {
            answers.addAll(future.get());
        }
        return answers;
    }
}
