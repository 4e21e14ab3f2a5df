package cn.bipin.delivery;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Recipient;

/**
 * Tells the statisticians what went wrong, by mail (or .eml in the outbox), and in the log as an error. An alert
 * names the run in its text but is not one of the run's deliveries: a statistician who is also on the bulletin's
 * list still gets the bulletin when the run is restarted.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final DeliveryService delivery;
    private final AlertProperties props;

    AlertService(DeliveryService delivery, AlertProperties props) {
        this.delivery = delivery;
        this.props = props;
    }

    public void alert(String subject, String body) {
        log.error("{}：{}", subject, body);
        List<Recipient> to = props.to().stream().map(email -> new Recipient("统计员", email)).toList();
        delivery.deliver(new OutgoingMail(null, "【比拼告警】" + subject, body, List.of(), to));
    }

    public AlertProperties properties() {
        return props;
    }
}
