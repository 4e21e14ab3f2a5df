# Bipin — the commands a statistician and a developer need. `make help` lists them.
MVN      ?= mvn -B -q
JAR      := target/bipin.jar
# the jar unpacked, with a class-data-sharing archive made by a training start: the command line starts in ~1.5 s
APP      := target/app/bipin.jar
CDS      := target/app/bipin.jsa
JAVA     ?= java
# JVM flags per target. Every run (run, month, quarter, year, demo-year, restart, incentives, evaluation, deliver) keeps
# the default tiered JIT: C2 compiles the hot ingest, scoring and report loops, and a C1-only JVM makes a run ~2.8x
# slower on big inputs (100k-row ingest: 3.9k rows/s C1-only, 10.8k default). The price: on a small run C2's compiles
# cost CPU (demo month, 14 units, idle 2 cores: 15.9 s wall / 27 s CPU default vs 13.2 s / 16 s C1-only; on busy cores
# 31 s vs 15 s); JAVA_OPTS="... -XX:TieredStopAtLevel=1"
# gives that back for a small office. Short commands (status, templates) add
# SHORT_OPTS: C1 only, which starts sooner and has nothing hot to compile. backup (H2 copies in this JVM) and serve
# (its own line below) keep the default JIT.
JAVA_OPTS  ?= -Xmx512m -Dspring.main.lazy-initialization=true
SHORT_OPTS ?= -XX:TieredStopAtLevel=1
SCHEME   ?= jinfeng-2024
PERIOD   ?= 2024-06
BIPIN_JVM = BIPIN_VIA_MAKE=1 $(JAVA) $(JAVA_OPTS) $(1) -XX:SharedArchiveFile=$(CDS) -Xlog:cds=off -Xlog:cds+dynamic=off -jar $(APP)
BIPIN    := $(call BIPIN_JVM,)
BIPIN_SHORT := $(call BIPIN_JVM,$(SHORT_OPTS))

.PHONY: help build run demo demo-year month quarter half year flag restart evaluation incentives liaison liaison-templates liaison-demo templates targets status deliver backup collect remind serve test bench clean clean-demo

help:
	@echo "make run                      构建，写入演示报送（收件箱为空时），运行 2024-06 月度计分"
	@echo "make month PERIOD=2024-07     运行某一月（SCHEME=$(SCHEME)）"
	@echo "make month PERIOD=2024-07 MAIL=no   运行但不发邮件（FORCE=yes：结果无变化也发）"
	@echo "make quarter PERIOD=2024-Q3   运行某一季度（本季度各月须已运行）"
	@echo "make half PERIOD=2019-H1      运行半年考核（方案有半年比拼或半年检查时）"
	@echo "make year PERIOD=2024         运行年度总比拼（全年各月、各季度须已运行）"
	@echo "make flag UNIT=hjd PERIOD=2019-H1 REASON=…   标记某单位某期报送为虚报（D15，当年不得评奖）"
	@echo "make restart RUN=12           重启失败的运行（编号见 make status）"
	@echo "make evaluation PERIOD=2024   背靠背评议（评议票收齐后；年度运行也包含这一步）"
	@echo "make incentives PERIOD=2024   企业奖励清单（季度 PERIOD=2024-Q3；季度、年度运行也包含这一步）"
	@echo "make demo SCHEME=haizhou-2019 某方案的全年演示（同 demo-year；海州：半年考核和年度考核）"
	@echo "make demo-year                全年演示：写入6–12月及各季度报送、企业奖励数据和评议票，依次运行全部月度、季度和年度计分，再写入演示包联台账并逐月运行包联走访通报"
	@echo "make liaison PERIOD=2024-07   包联走访通报（千名干部联千企）：读取包联台账，生成该月通报和各单位清单并发送（MAIL=no 预览）"
	@echo "make liaison-templates        生成包联台账的三个模板（包联对象、走访记录、问题台账）"
	@echo "make liaison-demo             写入演示包联台账（约150个包联对象）并逐月运行包联走访通报"
	@echo "make templates PERIOD=2024-07 生成各单位该月的报送模板"
	@echo "make targets                  生成年度目标任务分解表（已填入现行目标）；FILE=任务分解表.xlsx 导入填好的表"
	@echo "make status                   最近的运行"
	@echo "make deliver                  重发未发出的邮件；RUN=12 发出该运行的预览或被暂缓的榜单（同一版本）"
	@echo "make deliver RESEND=all       重发发送时中断、核实未收到的邮件（RESEND=57 只重发这一封）"
	@echo "make collect                  从报送邮箱收取单位报送（bipin.mailbox.*，密码在环境变量 BIPIN_IMAP_PASSWORD）"
	@echo "make remind PERIOD=2024-07    催报：向该期仍有指标未报送的单位发提醒；截止后把未报齐单位清单发给统计员"
	@echo "make backup                   备份内置数据库到 data/backup/（运行中也可以；serve 每天自动备份）"
	@echo "make serve                    长期运行的调度进程（jobs/schedule.yaml）"
	@echo "make test                     全部测试（有 MariaDB 时也在 MariaDB 上跑）"
	@echo "make bench                    基准：演示运行用时；10万行报送文件在 256MB 堆内导入"
	@echo "make clean                    删除构建结果（不删 data/）"
	@echo "make clean-demo               清掉 data/ 下的全部数据（演示数据），开始正式使用前运行；会先确认"

$(JAR): pom.xml $(shell find src/main templates sql -type f 2>/dev/null)
	$(MVN) -DskipTests package

# the archive's training start: the demo month (seed + run 2024-06) on a new embedded database under target/app/cds,
# mail to its own outbox: the archive holds the classes a run loads (Spring, Spring Batch, Flyway, H2's file store,
# JasperReports, POI, the fonts' and charts' classes — about 5,000 a run used to load from the jars). This step takes
# 28 s (idle 2 cores, extraction included) once per build, for ~1.4 s CPU off every later start. status's own few
# classes are loaded from the jar.
CDS_RUN := target/app/cds
$(CDS): $(JAR)
	rm -rf target/app
	$(JAVA) -Djarmode=tools -jar $(JAR) extract --destination target/app
	$(JAVA) -Xmx512m -XX:ArchiveClassesAtExit=$(CDS) -Dbipin.inbox.dir=$(CDS_RUN)/inbox -Dbipin.inbox.archive=$(CDS_RUN)/archive \
	  -Dbipin.output.dir=$(CDS_RUN)/out -Dbipin.mail.outbox=$(CDS_RUN)/outbox -Dbipin.mailbox.quarantine=$(CDS_RUN)/quarantine \
	  "-Dspring.datasource.url=jdbc:h2:file:./$(CDS_RUN)/db/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE" \
	  -jar $(APP) demo >/dev/null 2>&1 || true
	rm -rf $(CDS_RUN)

build: $(CDS)

run: $(CDS)
	$(BIPIN) demo --scheme $(SCHEME) --period $(PERIOD)

RUNFLAGS = $(if $(filter no,$(MAIL)),--no-mail,) $(if $(filter yes,$(FORCE)),--force,)

# month: a period whose inbox holds less than SMALL_INBOX_KB (a district's month: tens of files, a few thousand rows) runs
# C1-only like the short commands: C2 would spend more CPU compiling than it saves (Lanzhou's month with 30 units and
# 14 letters, 2 cores at load 2-5: 14.8 s wall / 27 s CPU with C2, about 8 s with C1 only); a bigger inbox keeps C2,
# which ingests 100k rows 2.8x faster. JAVA_OPTS="... -XX:TieredStopAtLevel=1" or SMALL_INBOX_KB=0 overrides.
SMALL_INBOX_KB ?= 2048
INBOX ?= $(or $(BIPIN_INBOX_DIR),data/inbox)
# The inbox's bytes, not its disk blocks: 1,500 one-row-per-dimension CSVs are 276 KB of data in 6 MB of 4 KB blocks,
# and their month ran 27.4 s with C2 against 17.7 s C1-only (make bench step 2c, idle 2 cores).
MONTH_JIT = $(shell d="$(INBOX)/$(SCHEME)/$(PERIOD)"; if [ -d "$$d" ] && [ "$$(du -sk --apparent-size "$$d" | cut -f1)" -lt $(SMALL_INBOX_KB) ]; then echo "$(SHORT_OPTS)"; fi)

month: $(CDS)
	$(call BIPIN_JVM,$(MONTH_JIT)) run monthly --scheme $(SCHEME) --period $(PERIOD) $(RUNFLAGS)

quarter: $(CDS)
	$(BIPIN) run quarterly --scheme $(SCHEME) --period $(PERIOD) $(RUNFLAGS)

year: $(CDS)
	$(BIPIN) run annual --scheme $(SCHEME) --period $(PERIOD) $(RUNFLAGS)

half: $(CDS)
	$(BIPIN) run half_year --scheme $(SCHEME) --period $(PERIOD) $(RUNFLAGS)

flag: $(CDS)
	@if [ -z "$(UNIT)" ] || [ -z "$(REASON)" ]; then echo "请指定单位和原因：make flag SCHEME=haizhou-2019 UNIT=hjd PERIOD=2019-H1 REASON=…"; exit 2; fi
	$(BIPIN_SHORT) flag --scheme $(SCHEME) --unit $(UNIT) --period $(PERIOD) --reason "$(REASON)" $(if $(BY),--by "$(BY)",)

restart: $(CDS)
	@if [ -z "$(RUN)" ]; then echo "请指定要重启的运行编号：make restart RUN=12（编号见 make status）"; exit 2; fi
	$(BIPIN) restart $(RUN)

evaluation: $(CDS)
	$(BIPIN) evaluation run --scheme $(SCHEME) --period $(PERIOD) $(if $(filter no,$(MAIL)),--no-mail,)

incentives: $(CDS)
	$(BIPIN) incentives run --scheme $(SCHEME) --period $(PERIOD) $(if $(filter no,$(MAIL)),--no-mail,)

demo-year: $(CDS)
	$(BIPIN) demo --full-year --scheme $(SCHEME)
	$(BIPIN) liaison demo --scheme $(SCHEME)

liaison: $(CDS)
	$(BIPIN) liaison run --scheme $(SCHEME) --period $(PERIOD) $(RUNFLAGS)

liaison-templates: $(CDS)
	$(BIPIN_SHORT) liaison template --scheme $(SCHEME)

liaison-demo: $(CDS)
	$(BIPIN) liaison demo --scheme $(SCHEME)

# a scheme's whole demo year, e.g. make demo SCHEME=haizhou-2019 (its half-year check and annual assessment)
demo: demo-year

deliver: $(CDS)
	$(BIPIN) deliver $(if $(RUN),--release $(RUN),) $(if $(filter yes,$(FORCE)),--force,) $(if $(RESEND),--resend $(filter-out all,$(RESEND)),)

backup: $(CDS)
	$(BIPIN) backup

collect: $(CDS)
	$(BIPIN) collect

remind: $(CDS)
	$(BIPIN) remind --scheme $(SCHEME) --period $(PERIOD)

# the scheduler: a small heap keeps the idle process well under 300 MB; the default JIT, as its runs are runs
serve: $(CDS)
	BIPIN_VIA_MAKE=1 $(JAVA) -Xmx192m -XX:+UseSerialGC -XX:SharedArchiveFile=$(CDS) -Xlog:cds=off -jar $(APP) serve

templates: $(CDS)
	$(BIPIN_SHORT) template --scheme $(SCHEME) --period $(PERIOD)

targets: $(CDS)
	$(BIPIN_SHORT) targets --scheme $(SCHEME) $(if $(FILE),--file "$(FILE)",)

status: $(CDS)
	$(BIPIN_SHORT) status

test:
	$(MVN) test $(if $(filter true,$(CI)),-Dbipin.test.mariadb=required,)

bench: $(CDS)
	bash src/test/bench.sh

clean:
	$(MVN) clean

# removes the demo's (or any) data: database, inbox, archive, outputs, outbox — asks first
clean-demo:
	@printf "将删除 data/ 下的数据库、收件箱、存档、结果和发件箱，确定吗？[y/N] " && read ans && [ "$$ans" = y ] && rm -rf data/db data/inbox data/archive data/out data/outbox data/templates && echo "已清空 data/" || echo "未删除"
