package io.ferry.timer;

import io.ferry.api.ClientInput;
import io.ferry.persistence.DueRows;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/timers")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timers", description = "Due timers: how far behind the pods are, and firing them by hand")
public class TimerResource {

    @Inject
    TimerPoller poller;
    @Inject
    DueTimers timers;
    @Inject
    Clock clock;

    @GET
    @Path("/backlog")
    @Operation(summary = "How many timers are due and not fired yet, and since when the oldest of them is due")
    public Uni<DueRows.Backlog> backlog() {
        return timers.backlog(clock.instant());
    }

    @POST
    @Path("/fire")
    @Operation(summary = "Fire the timers due now, as a poll does (one batch)",
            description = "For pods that run with quarkus.ferry.timers.poll-every=off, and for operators: the same "
                    + "claim as the pollers', so it never fires a timer twice.")
    public Uni<TimerPoller.Report> fire() {
        return poller.fireDue();
    }
}
