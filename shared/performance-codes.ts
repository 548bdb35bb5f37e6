// The findings of 四、绩效自评: codes, severities and their words (a leaf module: findings.ts and
// i18n.ts spread these in).
type P = Record<string, string>;
type Text = (p: P) => string;

export const PERFORMANCE_SEVERITY = {
  perf_rate_below_line: 'warning',
  perf_no_actual: 'warning',
  perf_weights_sum: 'warning',
  perf_level_weight: 'warning',
  perf_score_over_weight: 'warning',
  perf_unit_mismatch: 'warning',
  perf_unread: 'warning',
  perf_direction: 'warning',
  perf_not_scored: 'warning',
  perf_score_differs: 'warning',
  perf_out_of_band: 'warning',
  perf_stated_mismatch: 'warning',
  perf_funds_differs: 'warning',
  perf_funds_scale: 'warning',
  perf_sheet_unread: 'error',
  perf_sheet_unclaimed: 'error',
  perf_sheet_above: 'info',
  perf_sheet_twice: 'error',
  perf_sheet_other_year: 'info',
  perf_year_differs: 'warning',
} as const;

/** A stated figure kept in our export's hidden sheet, its cell showing the rule's figure. */
const KEPT = [
  '(记录中保存的填报数,在本导出文件的隐藏页中;表上该单元格显示的是按规则计算的数)',
  " (the record's stated figure, kept in this export's hidden sheet; the cell shows the rule's figure)",
] as const;

export const PERFORMANCE_FINDINGS: Record<keyof typeof PERFORMANCE_SEVERITY, [Text, Text]> = {
  perf_rate_below_line: [
    (p) => `绩效自评:资金执行率 ${p.rate}% 低于省定标准 ${p.line}%`,
    (p) => `performance: the funds' execution rate ${p.rate}% is below the province's line ${p.line}%`,
  ],
  perf_no_actual: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”没有实际完成值`,
    (p) => `indicator row ${p.row} “${p.name}” has no actual value`,
  ],
  perf_weights_sum: [
    (p) => `绩效自评的分值合计 ${p.sum} 分,不是 100 分(资金 ${p.funds} + 产出 ${p.output} + 效益 ${p.outcome} + 满意度 ${p.satisfaction})`,
    (p) =>
      `performance weights add up to ${p.sum}, not 100 (funds ${p.funds} + output ${p.output} + outcome ${p.outcome} + satisfaction ${p.satisfaction})`,
  ],
  perf_level_weight: [
    (p) => `${p.level}各指标分值之和 ${p.sum} 分与该一级指标的分值 ${p.weight} 分不一致`,
    (p) => `${p.level}: the indicators' weights add up to ${p.sum}, not its weight ${p.weight}`,
  ],
  perf_score_over_weight: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”的得分 ${p.score} 高于其分值 ${p.weight}`,
    (p) => `indicator row ${p.row} “${p.name}”: score ${p.score} is above its weight ${p.weight}`,
  ],
  perf_unit_mismatch: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”:年度指标值“${p.target}”与实际完成值“${p.actual}”单位不一致,未按规则计分,请人工评分`,
    (p) =>
      `indicator row ${p.row} “${p.name}”: the units of “${p.target}” and “${p.actual}” differ; not scored by the rule, score it by hand`,
  ],
  perf_unread: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”:“${p.value}”不是一个可读的数值,未按规则计分,请人工评分`,
    (p) => `indicator row ${p.row} “${p.name}”: “${p.value}” is not one readable number; not scored by the rule, score it by hand`,
  ],
  perf_direction: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”:成本指标“${p.target}”未写明 ≥ 或 ≤,未按规则计分`,
    (p) => `indicator row ${p.row} “${p.name}”: cost target “${p.target}” says neither ≥ nor ≤; not scored by the rule`,
  ],
  perf_not_scored: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”尚未评分(定性指标由人工评分)`,
    (p) => `indicator row ${p.row} “${p.name}” has no score yet (a qualitative indicator is scored by a person)`,
  ],
  perf_score_differs: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”填报得分 ${p.stated}${p.kept ? KEPT[0] : ''} 与按规则计算的 ${p.computed} 不一致`,
    (p) => `indicator row ${p.row} “${p.name}”: stated score ${p.stated}${p.kept ? KEPT[1] : ''} differs from the rule's ${p.computed}`,
  ],
  perf_out_of_band: [
    (p) => `绩效指标第 ${p.row} 行“${p.name}”:“${p.result}”的得分应在分值的 ${p.low}%–${p.high}% 之间,填报 ${p.score} 分(分值 ${p.weight})`,
    (p) =>
      `indicator row ${p.row} “${p.name}”: “${p.result}” scores ${p.low}–${p.high}% of the weight; ${p.score} of ${p.weight} was given`,
  ],
  perf_stated_mismatch: [
    (p) => `绩效自评填报的${p.what} ${p.stated}${p.kept ? KEPT[0] : ''} 与计算值 ${p.computed} 不一致`,
    (p) => `performance: the stated ${p.whatEn} ${p.stated}${p.kept ? KEPT[1] : ''} differs from the computed ${p.computed}`,
  ],
  perf_funds_differs: [
    (p) =>
      `绩效自评的${p.what} ${p.stated} 万元与本记录的${p.source} ${p.record} 万元不一致` +
      (p.times
        ? `,是它的 ${p.times} 倍:这张绩效自评表可能是省、市一级的(不是本县的),或金额单位读错了(元读成了万元);请核对`
        : `;请核对两处是否同一口径(年度、截至日、单位)`),
    (p) =>
      `performance: the ${p.whatEn} ${p.stated} (10k yuan) differs from the record's ${p.sourceEn} ${p.record}` +
      (p.times
        ? `, ${p.times} times it: this 绩效自评表 may be a province's or prefecture's (not the county's), or its unit misread (元 as 万元); check it`
        : `; check that both count the same (year, day, unit)`),
  ],
  perf_funds_scale: [
    (p) =>
      `绩效自评的${p.what} ${p.stated} 万元是本记录的${p.source} ${p.record} 万元的 ${p.ratio} 倍:金额单位可能读错了(${p.basis ? `按 ${p.basis} 读作万元` : '表中未写明单位,按万元读'}${p.other ? `,而 ${p.other} 写的是另一单位` : ''});请核对单位`,
    (p) =>
      `performance: the ${p.whatEn} ${p.stated} (10k yuan) is ${p.ratio} times the record's ${p.sourceEn} ${p.record}: the unit may be misread (${p.basis ? `read as 10k yuan by ${p.basis}` : 'no unit written, read as 10k yuan'}${p.other ? `, while ${p.other} says another unit` : ''}); check the unit`,
  ],
  perf_sheet_unread: [
    (p) => `绩效自评表无法读取:“${p.value}”处找不到标准表的“全年预算数”表头或可识别的一级指标;请按标准格式填写`,
    (p) =>
      `the 绩效自评表 cannot be read at “${p.value}”: no 全年预算数 header of the standard table, or a level-1 indicator not recognised`,
  ],
  perf_sheet_unclaimed: [
    (p) => `绩效自评表不知属于哪个县(本工作簿中的县:${p.counties});请在工作表名或“项目名称”“实施单位”中写明县名`,
    (p) =>
      `the 绩效自评表 names none of the workbook's counties (${p.counties}); put the county's name in the sheet name, 项目名称 or 实施单位`,
  ],
  perf_sheet_above: [
    (p) => `未读入工作表“${p.sheet}”:这是省、市一级的绩效自评表(${p.label}“${p.text}”),不是一个县的,不计入任何县`,
    (p) =>
      `sheet “${p.sheet}” not read: a province's or prefecture's own 绩效自评表 (${p.label} “${p.text}”), not a county's; given to no county`,
  ],
  perf_sheet_twice: [
    (p) => `两张绩效自评表都属于${p.county}:${p.sheets};不知道该保留哪一张(都不是本记录示范年度的,或都是),请只留一张或在表头写明年度`,
    (p) =>
      `two 绩效自评表 belong to ${p.county}: ${p.sheets}; which one to keep cannot be told (neither or both of the record's year): keep one, or state its 年度 in its title`,
  ],
  perf_sheet_other_year: [
    (p) => `未读入工作表“${p.sheet}”:这是${p.county} ${p.year} 年度的绩效自评表;本记录(示范年度 ${p.own})保留“${p.kept}”`,
    (p) => `sheet “${p.sheet}” not read: ${p.county}'s 绩效自评表 of ${p.year}; the record (year ${p.own}) keeps “${p.kept}”`,
  ],
  perf_year_differs: [
    (p) =>
      `绩效自评表“${p.sheet}”是 ${p.year} 年度的,而${p.county}本记录的示范年度是 ${p.own} 年;导入后它就是本记录的四、绩效自评,导出和打印写作 ${p.own}年度 — 请确认这张表属于本记录,否则取消导入、改正年度`,
    (p) =>
      `绩效自评表 “${p.sheet}” is of ${p.year}, but ${p.county}'s record is of ${p.own}: imported, it becomes the record's 四、绩效自评, exported and printed as ${p.own}年度 — confirm it belongs to this record, or cancel and correct the year`,
  ],
};
