package io.ferry.persistence;

import java.util.UUID;

/**
 * The message an operation delivers, written with it: its id is remembered (a message with the same
 * id is never delivered twice: the statement fails on the receipt's key and stores nothing), and a
 * buffered message is consumed (the operation stores nothing when another consumed it first).
 *
 * @param messageId the sender's message id, or null
 * @param bufferedId the buffered message's row, or null for a message delivered as it came
 */
public record MessageDelivery(String messageId, UUID bufferedId) {

    public static final MessageDelivery NONE = new MessageDelivery(null, null);
}
