package com.superkabe.sendadapter.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sendadapter.application.SendBatches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Send requests, a poll at a time, keyed by mailbox so one mailbox's sends leave in order: maps them
 * and hands them to {@link SendBatches}, which owns the claim, the delivery and the settle. Offsets are
 * acknowledged by hand:
 * <ul>
 *   <li>all handled: the poll is acknowledged;</li>
 *   <li>the poll's time budget ran out: what was finished is committed and the rest is sought back
 *       (nack), unclaimed, so the next poll delivers it again;</li>
 *   <li>claiming or settling failed (the database): {@link BatchListenerFailedException} at that
 *       record, so the error handler commits what came before, dead-letters that record with its cause
 *       and delivers the rest again (a request already settled is skipped);</li>
 *   <li>an undecodable record: the records before it are sent, then it is dead-lettered alone.</li>
 * </ul>
 * Polls are capped at {@code superkabe.send.max-poll-records} so that, with the time budget, a poll
 * stays well inside {@code max.poll.interval.ms}.
 */
@Component
class SendRequestListener {

    private final InboundHandler inbound;
    private final SendBatches batches;

    SendRequestListener(InboundHandler inbound, SendBatches batches) {
        this.inbound = inbound;
        this.batches = batches;
    }

    @KafkaListener(id = "send-requests", idIsGroup = false, batch = "true",
            topics = "#{T(com.superkabe.events.Topic).SEND_REQUESTS.topicName()}",
            containerPostProcessor = "sendRequestAcks",
            properties = "max.poll.records=${superkabe.send.max-poll-records:100}")
    void onSendRequests(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<SendBatches.Incoming> poll = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Envelope request;
            try {
                request = inbound.decode(record);
            } catch (RuntimeException undecodable) {
                // send what came before, then let the error handler dead-letter this record alone
                if (!send(poll, indexes, ack)) {
                    return;
                }
                throw new BatchListenerFailedException("undecodable send request", undecodable, i);
            }
            if (request.type() == EventType.SEND_REQUESTED) {
                poll.add(new SendBatches.Incoming(request, () -> inbound.record(record, request)));
                indexes.add(i);
            }
        }
        if (send(poll, indexes, ack)) {
            ack.acknowledge();
        }
    }

    /** Sends the requests; false if some were left for the next poll (already nacked). */
    private boolean send(List<SendBatches.Incoming> poll, List<Integer> indexes, Acknowledgment ack) {
        SendBatches.Outcome outcome;
        try {
            outcome = batches.send(poll);
        } catch (SendBatches.Interrupted e) {
            if (e.firstUnfinished() < e.position()) {
                // requests before the failed one are still undone (time budget): take them all again
                ack.nack(indexes.get(e.firstUnfinished()), Duration.ZERO);
                return false;
            }
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), indexes.get(e.position()));
        }
        if (outcome.complete()) {
            return true;
        }
        ack.nack(indexes.get(outcome.resumeAt()), Duration.ZERO);
        return false;
    }

    /** Manual acknowledgements for this listener only, so a poll can commit part and take the rest again. */
    @Component("sendRequestAcks")
    static class ManualAcks implements ContainerPostProcessor<String, byte[],
            AbstractMessageListenerContainer<String, byte[]>> {
        @Override
        public void postProcess(AbstractMessageListenerContainer<String, byte[]> container) {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        }
    }
}
