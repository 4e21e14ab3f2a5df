package cn.bipin.bulletin;

import java.util.List;

import cn.bipin.report.TableSection;
import cn.bipin.run.Run;
import cn.bipin.scheme.Scheme;

/**
 * Tables another feature adds to a monthly or quarterly bulletin after the rankings, e.g. the appeals ledger's lists
 * (DOMAIN §6.1); none when it has nothing for the run's scheme and cycle.
 */
public interface BulletinSections {

    List<TableSection> sections(Scheme scheme, Run run);
}
