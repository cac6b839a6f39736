package com.superkabe.sendadapter.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sendadapter.application.SendBatches;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Send requests, a poll at a time, keyed by mailbox so one mailbox's sends leave in order: maps them
 * and hands them to {@link SendBatches}, which owns the claim, the delivery and the settle.
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
            topics = "#{T(com.superkabe.events.Topic).SEND_REQUESTS.topicName()}")
    void onSendRequests(List<ConsumerRecord<String, byte[]>> records) {
        List<SendBatches.Incoming> poll = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Envelope request;
            try {
                request = inbound.decode(record);
            } catch (RuntimeException undecodable) {
                // send what came before, then let the error handler dead-letter this record alone
                batches.send(poll);
                throw new BatchListenerFailedException("undecodable send request", undecodable, i);
            }
            if (request.type() == EventType.SEND_REQUESTED) {
                poll.add(new SendBatches.Incoming(request, () -> inbound.record(record, request)));
            }
        }
        batches.send(poll);
    }
}
