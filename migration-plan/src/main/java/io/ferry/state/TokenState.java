package io.ferry.state;

/** Why a token rests at its node between operations. */
public enum TokenState {
    /** At a user task, waiting for someone to complete it. */
    WAITING,
    /** At a joining gateway, waiting for the tokens of the other branches. */
    JOINING
}
