package cn.bipin.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Scheme;

/**
 * Reads every new ballot file of the year's inbox, validates each line and keeps it — accepted or rejected, with
 * its reason — in batches, so 100,000 ballots are a few bulk inserts rather than 100,000 round trips.
 */
@Component
class BallotIngest {

    /** What one ingestion read. */
    record Report(int files, int filesRejected, int accepted, int rejected) {
    }

    private static final Logger log = LoggerFactory.getLogger(BallotIngest.class);
    private static final int BATCH = 5000;

    private final EvaluationInbox inbox;
    private final RaterTokens tokens;
    private final EvaluationInputs inputs;

    BallotIngest(EvaluationInbox inbox, RaterTokens tokens, EvaluationInputs inputs) {
        this.inbox = inbox;
        this.tokens = tokens;
        this.inputs = inputs;
    }

    Report ingest(Scheme scheme, EvaluationRules rules, String period, long runId) {
        List<EvaluationInbox.NewFile> files = inbox.register(scheme.id(), period, EvaluationInbox.Kind.BALLOTS, runId);
        if (files.isEmpty()) {
            return new Report(0, 0, 0, 0);
        }
        BallotValidator validator = new BallotValidator(scheme, rules, tokens.tokens(scheme.id()),
                tokens.hasher(scheme.id()));
        int filesRejected = 0;
        int accepted = 0;
        int rejected = 0;
        for (EvaluationInbox.NewFile file : files) {
            Batch batch = new Batch(file.id(), rules);
            try {
                BallotReader.read(file.path(), rules, raw -> batch.add(raw, validator.validate(raw)));
                batch.flush();
                inbox.finish(file.id(), batch.accepted, batch.rejected);
                accepted += batch.accepted;
                rejected += batch.rejected;
                log.info("评议票 {}：采用 {} 张，退回 {} 张", file.name(), batch.accepted, batch.rejected);
            } catch (BallotFileRejectedException e) {
                batch.flush();
                inbox.reject(file.id(), e.getMessage());
                filesRejected++;
            }
        }
        return new Report(files.size(), filesRejected, accepted, rejected);
    }

    /** Rows waiting to be inserted; flushed every {@value #BATCH} ballots. */
    private final class Batch {
        private final long fileId;
        private final EvaluationRules rules;
        private final List<EvaluationInputs.BallotRow> ballots = new ArrayList<>(BATCH);
        private final List<EvaluationInputs.BallotItemRow> items = new ArrayList<>(BATCH * 3);
        int accepted;
        int rejected;

        Batch(long fileId, EvaluationRules rules) {
            this.fileId = fileId;
            this.rules = rules;
        }

        void add(RawBallot raw, BallotValidator.Outcome outcome) {
            String target = raw.target().strip();
            ballots.add(new EvaluationInputs.BallotRow(fileId, raw.rowNumber(), outcome.tokenHash(), outcome.group(),
                    cut(target, 64), cut(raw.rawValues(), 1000), outcome.accepted() ? "ACCEPTED" : "REJECTED",
                    outcome.error() == null ? null : cut(outcome.error(), 2000)));
            if (outcome.accepted()) {
                accepted++;
                for (int i = 0; i < rules.items().size(); i++) {
                    items.add(new EvaluationInputs.BallotItemRow(fileId, raw.rowNumber(), rules.items().get(i).code(),
                            outcome.scores().get(i)));
                }
            } else {
                rejected++;
            }
            if (ballots.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!ballots.isEmpty()) {
                inputs.insertBallots(ballots);
                ballots.clear();
            }
            if (!items.isEmpty()) {
                inputs.insertBallotItems(items);
                items.clear();
            }
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
