package io.ferry.operation;

import io.ferry.execution.RefusalReason;
import io.ferry.problem.Problem;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * What an operation gives back: what it did, or the problem that refused it. Expected failures (no such
 * instance, a stale revision, a command the engine refuses, a blocked migration) are values of this type,
 * so each caller decides what they mean: a resource answers with the problem, a worker drops a job its
 * instance no longer has. Only unexpected failures (a bug, the database gone) travel as exceptions.
 */
public sealed interface OperationResult<T> permits OperationResult.Done, OperationResult.Refused {

    /** The operation went through. */
    record Done<T>(T value) implements OperationResult<T> {

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<Refused<T>, ? extends R> refused) {
            return done.apply(value);
        }
    }

    /**
     * The operation was refused and changed nothing.
     *
     * @param problem what the client is told
     * @param reason why the engine refused the command, or null when the operation refused it before the engine ran
     */
    record Refused<T>(Problem problem, RefusalReason reason) implements OperationResult<T> {

        /** The same refusal, as the result of an operation that gives something else. */
        public <R> Refused<R> as() {
            return new Refused<>(problem, reason);
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<Refused<T>, ? extends R> refused) {
            return refused.apply(this);
        }
    }

    static <T> OperationResult<T> done(T value) {
        return new Done<>(value);
    }

    /** Refused by the operation itself, before the engine ran. */
    static <T> OperationResult<T> refused(Problem problem) {
        return new Refused<>(problem, null);
    }

    static <T> Uni<OperationResult<T>> refusedNow(Problem problem) {
        return Uni.createFrom().item(refused(problem));
    }

    /** Each case handled: the compiler sees every kind of result, as a switch over a sealed type would. */
    <R> R fold(Function<? super T, ? extends R> done, Function<Refused<T>, ? extends R> refused);

    default <R> OperationResult<R> map(Function<? super T, ? extends R> mapper) {
        return fold(value -> done(mapper.apply(value)), Refused::as);
    }
}
