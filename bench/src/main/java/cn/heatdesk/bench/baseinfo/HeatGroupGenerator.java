package cn.heatdesk.bench.baseinfo;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic heating group as import files in HeatDesk's Excel layouts: per subsidiary one tree file
 * (company → heat sources → heat stations → communities → buildings → units) and household files of at most
 * {@code householdsPerFile} rows with owners, ID numbers and phone numbers. Deterministic for a given seed, so
 * the load driver can recompute any household's phone number without reading the files back.
 */
public final class HeatGroupGenerator {

    static final String[] SUBSIDIARIES = {"SUB01", "SUB02", "SUB03"};
    private static final String[] SUB_NAMES = {"城北", "城东", "城南"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "156", "157", "158", "159", "186", "187", "188"};
    private static final String[] WORD_A = {"幸福", "阳光", "和平", "锦绣", "金色", "翠湖", "滨河", "春晖", "康宁", "丽景",
            "紫荆", "银河", "东方", "书香", "怡和", "华苑", "龙泉", "青年", "枫林", "润泽", "盛世", "泰和", "观澜", "御景"};
    private static final String[] WORD_B = {"家园", "花园", "小区", "新村", "嘉园", "雅苑", "名邸", "公寓", "佳苑", "里"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "玉兰", "志强", "海燕", "淑珍", "国庆"};
    private static final String[] AREA_CODES = {"110101", "110102", "110105", "110106", "110108", "130102", "130104"};

    static final List<String> NODE_HEAD = List.of("节点编码*", "节点名称*", "节点类型*", "上级节点编码", "所属分公司编码",
            "排序", "地址", "外部编号");
    static final List<String> HOUSEHOLD_HEAD = List.of("房屋编码*", "单元编码*", "楼层", "房号*", "建筑面积", "供热状态",
            "欠费金额", "客户编号", "户主姓名", "证件号码", "联系电话", "热表号", "阀门号", "标签", "备注");

    private final int communities;
    private final long households;
    private final int householdsPerFile;
    private final Random random;

    /** summary of what was generated, for the driver */
    public record Output(List<Path> nodeFiles, List<Path> householdFiles, long nodeCount, long householdCount,
                         long unitCount) {
    }

    public HeatGroupGenerator(int communities, long households, int householdsPerFile, long seed) {
        this.communities = communities;
        this.households = households;
        this.householdsPerFile = householdsPerFile;
        this.random = new Random(seed);
    }

    /** the first phone number of household {@code i} (0-based, global); every household has one */
    public static String phoneOf(long i) {
        return MOBILE_PREFIXES[(int) (i % MOBILE_PREFIXES.length)] + String.format("%08d", i);
    }

    /** a second number for every third household (never equal to any first number) */
    static String secondPhoneOf(long i) {
        return MOBILE_PREFIXES[(int) ((i + 7) % MOBILE_PREFIXES.length)] + String.format("%08d", i + 50_000_000L);
    }

    public static String householdCode(long i) {
        return String.format("HH%08d", i + 1);
    }

    /** one unit of the tree: where households go */
    private record Unit(String sub, String code, int floors, int roomsPerFloor) {
    }

    public Output generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> nodeFiles = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        long nodeCount = 0;
        // units needed: roughly households / 21 (7 floors × 3 rooms), spread over the communities
        int perSub = (communities + SUBSIDIARIES.length - 1) / SUBSIDIARIES.length;
        int communityNo = 0;
        for (int s = 0; s < SUBSIDIARIES.length; s++) {
            String sub = SUBSIDIARIES[s];
            Path file = dir.resolve("nodes-" + sub + ".xlsx");
            nodeFiles.add(file);
            try (ExcelWriter w = EasyExcel.write(file.toFile()).head(head(NODE_HEAD)).build()) {
                WriteSheet sheet = EasyExcel.writerSheet("楼宇信息").build();
                List<List<String>> rows = new ArrayList<>();
                String company = sub + "-C";
                rows.add(List.of(company, SUB_NAMES[s] + "热力有限公司", "公司", "", sub, "1", "", ""));
                int myCommunities = Math.min(perSub, communities - communityNo);
                int sources = 2 + s % 2;
                int stationsPerSource = 3;
                int communitiesPerStation = Math.max(1, (myCommunities + sources * stationsPerSource - 1)
                        / (sources * stationsPerSource));
                int placed = 0;
                for (int hs = 1; hs <= sources; hs++) {
                    String source = sub + "-S" + hs;
                    rows.add(List.of(source, SUB_NAMES[s] + (hs == 1 ? "热电厂" : hs + "号供热站锅炉房"), "热源", company, "",
                            String.valueOf(hs), "", ""));
                    for (int st = 1; st <= stationsPerSource; st++) {
                        String station = source + "-H" + st;
                        rows.add(List.of(station, SUB_NAMES[s] + hs + "-" + st + "号换热站", "热站", source, "",
                                String.valueOf(st), "", ""));
                        for (int c = 0; c < communitiesPerStation && placed < myCommunities; c++, placed++) {
                            communityNo++;
                            String community = String.format("%s-Q%04d", sub, communityNo);
                            String cname = WORD_A[random.nextInt(WORD_A.length)] + WORD_B[random.nextInt(WORD_B.length)]
                                    + (communityNo % 3 == 0 ? "" : (communityNo % 3) + "期");
                            rows.add(List.of(community, cname, "小区", station, "", String.valueOf(c + 1),
                                    SUB_NAMES[s] + "区" + WORD_A[random.nextInt(WORD_A.length)] + "路" + (communityNo % 200 + 1) + "号", ""));
                            int buildings = 10 + random.nextInt(13);
                            for (int b = 1; b <= buildings; b++) {
                                String building = community + String.format("-B%02d", b);
                                rows.add(List.of(building, b + "号楼", "楼栋", community, "", String.valueOf(b), "", ""));
                                int unitCount = 2 + random.nextInt(3);
                                int floors = 6 + random.nextInt(4) * 3;
                                for (int u = 1; u <= unitCount; u++) {
                                    String unit = building + "-U" + u;
                                    rows.add(List.of(unit, u + "单元", "单元", building, "", String.valueOf(u), "", ""));
                                    units.add(new Unit(sub, unit, floors, 2));
                                }
                            }
                            if (rows.size() > 5000) {
                                w.write(rows, sheet);
                                nodeCount += rows.size();
                                rows.clear();
                            }
                        }
                    }
                }
                w.write(rows, sheet);
                nodeCount += rows.size();
            }
        }
        List<Path> householdFiles = writeHouseholds(dir, units);
        return new Output(nodeFiles, householdFiles, nodeCount, households, units.size());
    }

    /** households spread evenly over all units (2 rooms per floor); a new file per subsidiary or every N rows */
    private List<Path> writeHouseholds(Path dir, List<Unit> units) throws Exception {
        List<Path> files = new ArrayList<>();
        long base = households / units.size();
        long remainder = households % units.size();
        long i = 0;
        int fileNo = 0;
        int unitIdx = 0;
        int slot = 0;
        while (i < households) {
            String sub = units.get(unitIdx).sub();
            fileNo++;
            Path file = dir.resolve(String.format("households-%02d-%s.xlsx", fileNo, sub));
            files.add(file);
            try (ExcelWriter w = EasyExcel.write(file.toFile()).head(head(HOUSEHOLD_HEAD)).build()) {
                WriteSheet sheet = EasyExcel.writerSheet("房屋信息").build();
                List<List<String>> rows = new ArrayList<>(5000);
                int inFile = 0;
                while (i < households && inFile < householdsPerFile && units.get(unitIdx).sub().equals(sub)) {
                    Unit u = units.get(unitIdx);
                    long inUnit = base + (unitIdx < remainder ? 1 : 0);
                    if (slot < inUnit) {
                        int floor = slot / u.roomsPerFloor() + 1;
                        String room = floor + String.format("%02d", slot % u.roomsPerFloor() + 1);
                        rows.add(row(i, u, floor, room));
                        i++;
                        inFile++;
                        slot++;
                    }
                    if (slot >= inUnit) {
                        slot = 0;
                        if (unitIdx == units.size() - 1) {
                            break;
                        }
                        unitIdx++;
                    }
                    if (rows.size() == 5000) {
                        w.write(rows, sheet);
                        rows.clear();
                    }
                }
                w.write(rows, sheet);
            }
        }
        return files;
    }

    private List<String> row(long i, Unit u, int floor, String room) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String birth = String.format("%04d%02d%02d", 1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String id17 = AREA_CODES[random.nextInt(AREA_CODES.length)] + birth + String.format("%03d", random.nextInt(1000));
        String phones = i % 3 == 0 ? phoneOf(i) + "," + secondPhoneOf(i) : phoneOf(i);
        int p = random.nextInt(100);
        String status = p < 90 ? "供热" : p < 97 ? "报停" : "停供";
        String arrears = random.nextInt(100) < 15 ? String.valueOf(200 + random.nextInt(5000)) + ".00" : "0";
        String area = String.valueOf(45 + random.nextInt(100)) + "." + random.nextInt(10) + "0";
        return List.of(householdCode(i), u.code(), String.valueOf(floor), room, area, status, arrears, "", name,
                withCheckDigit(id17), phones, "M" + (10_000_000 + i), i % 4 == 0 ? "V" + (10_000_000 + i) : "", "", "");
    }

    private static String withCheckDigit(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * w[k];
        }
        return first17 + check[sum % 11];
    }

    private static List<List<String>> head(List<String> titles) {
        return titles.stream().map(List::of).toList();
    }
}
