package com.superkabe.sendadapter.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.SendService;
import com.superkabe.sendadapter.domain.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send requests, keyed by mailbox so one mailbox's sends leave in order. Claim and settle are
 * separate transactions around the provider call: the claim is durable before any mail moves.
 */
@Component
class SendRequestListener {

    private final InboundHandler inbound;
    private final SendService sends;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    SendRequestListener(InboundHandler inbound, SendService sends, MailTransport transport, TransactionTemplate tx,
                        MeterRegistry meters) {
        this.inbound = inbound;
        this.sends = sends;
        this.transport = transport;
        this.tx = tx;
        this.meters = meters;
    }

    @KafkaListener(id = "send-requests", idIsGroup = false,
            topics = "#{T(com.superkabe.events.Topic).SEND_REQUESTS.topicName()}")
    void onSendRequested(ConsumerRecord<String, byte[]> record) {
        Envelope request = inbound.decode(record);
        if (request.type() != EventType.SEND_REQUESTED) {
            return;
        }
        Optional<SendService.Plan> plan = tx.execute(s -> {
            inbound.record(record, request);
            return sends.claim(request);
        });
        if (plan == null || plan.isEmpty()) {
            return;
        }
        Delivery delivery = transport.deliver(plan.get().mailbox(), plan.get().email());
        meters.counter("superkabe_sends", "outcome", delivery.kind().toLowerCase(java.util.Locale.ROOT)).increment();
        tx.executeWithoutResult(s -> sends.settle(request, plan.get(), delivery));
    }
}
