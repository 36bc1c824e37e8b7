package io.ferry.instance;

import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.StoredInstance;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only queries. They never write, so a read can never change an instance. */
@ApplicationScoped
public class InstanceQueries {

    /** Filters of the instance list; null means "any". */
    public record Filter(String processId, String version, String status, String businessKey) {
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    @Inject
    InstanceStore store;

    /** The instance with what its view lists besides its state, in one statement. */
    public Uni<StoredInstance> instance(UUID id) {
        return store.load(id).onItem().ifNull().failWith(() -> Problems.unknownInstance(id).exception());
    }

    public Uni<PageOf<InstanceRecord>> instances(Filter filter, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        add(clauses, parameters, "processId", filter.processId());
        add(clauses, parameters, "processVersion", filter.version());
        add(clauses, parameters, "status", filter.status());
        add(clauses, parameters, "businessKey", filter.businessKey());
        String query = String.join(" and ", clauses);
        Sort order = Sort.by("createdAt").and("id");
        return Panache.withSession(() -> {
            var found = clauses.isEmpty() ? InstanceRecord.<InstanceRecord>findAll(order)
                    : InstanceRecord.<InstanceRecord>find(query, order, parameters);
            return found.page(Page.of(page, size)).list()
                    .chain(items -> found.count().map(total -> new PageOf<>(items, page, size, total)));
        });
    }

    public Uni<List<HistoryEventRecord>> history(UUID id) {
        return Panache.withSession(() -> InstanceRecord.<InstanceRecord>findById(id)
                .onItem().ifNull().failWith(() -> Problems.unknownInstance(id).exception())
                .chain(found -> HistoryEventRecord.<HistoryEventRecord>list("instanceId", Sort.by("sequence"), id)));
    }

    private static void add(List<String> clauses, Parameters parameters, String field, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }
}
