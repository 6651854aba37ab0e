"""Traditional characters read as the simplified ones the format is written in.

A report copied from a government site's traditional-character view (its 繁體 button),
or converted so by a tool, is the same report: every heading, label and keyword the
rules look for is there in traditional characters, and read as written it got an
error for every row and heading. The canonical text (:mod:`gilint.normalise`) holds
the simplified character in place of each traditional one listed here, one for one,
so offsets stay the same. Only the characters of the words gilint looks for are
listed, and not one that simplified text also writes in another sense (著, 乾) where
that would change a word gilint looks for: 覆 is read as 复 (反覆, 答覆), since none of
those words holds 覆 in its own sense (覆盖).
"""

from __future__ import annotations

# Each entry: a simplified character, then the traditional characters written for it.
_ENTRIES = (
    "万萬 与與 丑醜 专專 业業 两兩 严嚴 个個 丰豐 为為爲 举舉 么麼 "
    "义義 乡鄉 书書 乱亂 于於 从從 们們 众眾衆 会會 传傳 体體 余餘 "
    "偿償 关關 写寫 冲衝沖 决決 况況 准準 减減 几幾 击擊 划劃 则則 "
    "别別 制製 办辦 务務 动動 区區 华華 单單 卫衛 卷捲 厅廳 历歷曆 "
    "压壓 县縣 参參 发發髮 叠疊 只隻 台臺颱檯 号號 后後 听聽 启啟啓 "
    "员員 回迴 团團糰 围圍 国國 图圖 场場 坏壞 坚堅 处處 备備 复複復覆 "
    "够夠 头頭 夹夾 学學 实實 审審 宽寬 对對 导導 将將 层層 属屬 帮幫 "
    "干幹 并並併 应應 废廢 开開 异異 张張 强強 当當噹 录錄 征徵 径徑 "
    "态態 总總 户戶 才纔 托託 执執 扫掃 抛拋 护護 报報 拟擬 损損 换換 "
    "据據 数數 断斷 无無 旧舊 时時 显顯 暂暫 机機 权權 条條 来來 构構 "
    "标標 栏欄 样樣 档檔 检檢 横橫 毕畢 汇匯彙 没沒 注註 测測 满滿 "
    "点點 热熱 独獨 环環 现現 电電 畅暢 监監 盖蓋 盘盤 码碼 确確 离離 "
    "种種 秘祕 称稱 稳穩 笼籠 签簽籤 类類 系係繫 紧緊 纠糾 约約 级級 "
    "纪紀 纳納 线線綫 组組 细細 织織 终終 经經 结結 绕繞 给給 络絡 "
    "绝絕 统統 继繼 续續 维維 缀綴 缓緩 编編 缴繳 网網 罚罰 联聯 脚腳 "
    "节節 范範 获獲穫 补補 装裝 见見 规規 计計 订訂 认認 让讓 训訓 "
    "议議 记記 许許 论論 讼訟 设設 访訪 证證 评評 识識 诉訴 诊診 词詞 "
    "试試 话話 询詢 该該 语語 误誤 说說 请請 读讀 调調 谈談 负負 责責 "
    "败敗 账賬 质質 购購 贰貳 贴貼 费費 资資 赔賠 赖賴 转轉 载載 较較 "
    "输輸 边邊 达達 过過 运運 还還 这這 进進 违違 连連 迹跡蹟 适適 "
    "选選 遗遺 邮郵 邻鄰 采採 释釋 里裡裏 针針 链鏈 销銷 错錯 键鍵 "
    "镇鎮 长長 门門 闭閉 问問 间間 阅閱 队隊 阳陽 际際 陆陸 随隨 隐隱 "
    "面麵 页頁 项項 顺順 须須鬚 顾顧 题題 额額 馆館 馈饋 驳駁 齐齊 "
    "内內 册冊 删刪 却卻 占佔 群羣 叁叄 咨諮 "
)


def traditional_forms() -> dict[str, str]:
    """The simplified character of each traditional one listed."""
    return {traditional: entry[0] for entry in _ENTRIES.split() for traditional in entry[1:]}
