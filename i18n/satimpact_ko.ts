<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SatImpact</name>
    <message>
        <source>workflow styles not set: {0}</source>
        <translation>워크플로 스타일을 설정하지 못함: {0}</translation>
    </message>
    <message>
        <source>{parameter}: '{0}' cut to the extent {1}: {cols} x {rows} px</source>
        <translation>{parameter}: '{0}'을(를) 범위 {1}(으)로 잘랐습니다: {cols} x {rows} 픽셀</translation>
    </message>
    <message>
        <source>{parameter}: rendering '{0}' ({1}) over {2} ({3}) at {resolution:g} m per pixel: {cols} x {rows} px</source>
        <translation>{parameter}: '{0}'({1})을(를) 범위 {2}({3})에서 픽셀당 {resolution:g} m로 렌더링: {cols} x {rows} 픽셀</translation>
    </message>
    <message>
        <source>{parameter}: '{0}' is a file; it is processed at its own resolution (RESOLUTION applies to layers that are not files: XYZ, WMS, virtual rasters)</source>
        <translation>{parameter}: '{0}'은(는) 파일이므로 원래 해상도로 처리합니다 (RESOLUTION은 파일이 아닌 레이어에만 적용: XYZ, WMS, 가상 래스터)</translation>
    </message>
    <message>
        <source>any finite number</source>
        <translation>유한한 숫자</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>{0}부터 {1}까지의 값</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>{0} 이상</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>{0} 이하</translation>
    </message>
    <message>
        <source>{0} of {1} zone(s) do not overlap the raster '{2}': nothing is counted in them (valid share 0; feature ids {3}{4})</source>
        <translation>구역 {1}개 중 {0}개가 래스터 '{2}'와(과) 겹치지 않아 아무것도 집계되지 않습니다(유효 비율 0, 피처 ID {3}{4})</translation>
    </message>
    <message>
        <source>The zones' field '{0}' is replaced by this tool's figure</source>
        <translation>구역의 필드 '{0}'은(는) 이 도구가 계산한 값으로 바뀝니다</translation>
    </message>
    <message>
        <source>ZONES: the layer '{0}' is read from {1}</source>
        <translation>ZONES: 레이어 '{0}'을(를) {1}에서 읽습니다</translation>
    </message>
    <message>
        <source>{0} cut into {1} windows of {window} px, overlap {overlap} px</source>
        <translation>{0}을(를) {window} 픽셀 창 {1}개로 나눴습니다 (중첩 {overlap} 픽셀)</translation>
    </message>
    <message>
        <source>Cancelled: {report_done} done, {report_pending} pending; run the batch again to resume</source>
        <translation>취소됨: {report_done}개 완료, {report_pending}개 남음. 이어서 하려면 일괄 처리를 다시 실행하세요</translation>
    </message>
    <message>
        <source>The platform (Sentinel-2A or 2B) is not in the file name or tags; using Sentinel-2A wavelengths. Set MODEL=debris_fdi_s2b for a Sentinel-2B scene.</source>
        <translation>파일 이름이나 태그에 위성(Sentinel-2A 또는 2B)이 없어 Sentinel-2A 파장을 사용합니다. Sentinel-2B 영상이면 MODEL=debris_fdi_s2b로 지정하세요.</translation>
    </message>
    <message>
        <source>Debris model: {0}</source>
        <translation>부유 쓰레기 모델: {0}</translation>
    </message>
    <message>
        <source>Bands: {0}</source>
        <translation>밴드: {0}</translation>
    </message>
    <message>
        <source>Water model: {water_model_card_name}</source>
        <translation>수체 모델: {water_model_card_name}</translation>
    </message>
    <message>
        <source>Zones: {0} polygons, counted in BEFORE's CRS ({1})</source>
        <translation>구역: 폴리곤 {0}개, BEFORE 영상의 좌표계({1})에서 집계</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>모델: {0}</translation>
    </message>
    <message>
        <source>Whole raster: green {0:.4f} km2 of {1:.4f} km2 valid ({2}); cloud {3:.4f} km2, nodata {4:.4f} km2</source>
        <translation>래스터 전체: 유효 면적 {1:.4f} km2 중 녹지 {0:.4f} km2 ({2}), 구름 {3:.4f} km2, NoData {4:.4f} km2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Model: {model_card_name} ({why})</source>
        <translation>모델: {model_card_name} ({why})</translation>
    </message>
    <message>
        <source>Season warning: {warning}</source>
        <translation>계절 경고: {warning}</translation>
    </message>
    <message>
        <source>Zones: {0} polygons, reprojected to the raster's CRS for the pixel count</source>
        <translation>구역: 폴리곤 {0}개, 픽셀 집계를 위해 래스터 좌표계로 재투영</translation>
    </message>
    <message>
        <source>{0} zone(s) do not overlap the raster: valid fraction 0 and NULL figures (unknown, not 0) (feature ids {1}{2})</source>
        <translation>구역 {0}개가 래스터와 겹치지 않습니다: valid fraction은 0, 나머지 수치는 NULL입니다(0이 아니라 알 수 없음) (피처 ID {1}{2})</translation>
    </message>
    <message>
        <source>{0} zone(s)/cell(s) hold only nodata or cloud pixels: valid fraction 0 and NULL green ratio, green and water areas (unknown, not 0)</source>
        <translation>구역/격자 {0}개에는 NoData 또는 구름 픽셀만 있습니다: valid fraction은 0, 녹지 비율과 녹지 및 수체 면적은 NULL입니다(0이 아니라 알 수 없음)</translation>
    </message>
    <message>
        <source>{0} zone(s) have a negative population; green_m2_per_person is left empty</source>
        <translation>구역 {0}개의 인구가 음수라 green_m2_per_person을 비워 둡니다</translation>
    </message>
    <message>
        <source>{d_label}: {d_name} (date from {d_source})</source>
        <translation>{d_label}: {d_name} (날짜 출처: {d_source})</translation>
    </message>
    <message>
        <source>Trend {0}: {1}</source>
        <translation>추세 {0}: {1}</translation>
    </message>
    <message>
        <source>green ratio</source>
        <translation>녹지 비율</translation>
    </message>
    <message>
        <source>Chips: {chip_m:.0f} m x {chip_m:.0f} m ({why}), resampled to {chip_px} px ({0:.1f} m per model pixel); raster pixels {res_m:.1f} m</source>
        <translation>칩: {chip_m:.0f} m x {chip_m:.0f} m ({why}), {chip_px} 픽셀로 리샘플링 (모델 픽셀당 {0:.1f} m), 래스터 픽셀 {res_m:.1f} m</translation>
    </message>
    <message>
        <source>Cells and chips in {metric} ({0}), metric for this area</source>
        <translation>격자와 칩은 이 지역에 맞는 미터 단위 좌표계 {metric}({0})에서 계산</translation>
    </message>
    <message>
        <source>Grid: {cell_size:g} m cells, {0} cells over the raster ({grid_cols} x {grid_rows} grid), {1} chips</source>
        <translation>격자: {cell_size:g} m 격자, 래스터 위 격자 {0}개 ({grid_cols} x {grid_rows}), 칩 {1}개</translation>
    </message>
    <message>
        <source>Zones: {0} polygons, {1} chips</source>
        <translation>구역: 폴리곤 {0}개, 칩 {1}개</translation>
    </message>
    <message>
        <source>{unscored} of {0} cells/zones have too little valid imagery (chips below {min_valid:.0%} valid pixels) and get no score (NULL)</source>
        <translation>격자/구역 {0}개 중 {unscored}개는 유효 영상이 너무 적어 (유효 픽셀 {min_valid:.0%} 미만인 칩) 점수가 없습니다 (NULL)</translation>
    </message>
    <message>
        <source>Scores: {0} units, min {1:.3f}, median {2:.3f}, max {3:.3f}</source>
        <translation>점수: {0}개 단위, 최솟값 {1:.3f}, 중앙값 {2:.3f}, 최댓값 {3:.3f}</translation>
    </message>
    <message>
        <source>the raster ({res_m:.1f} m per pixel) is coarser than the model's pixels ({0:.1f} m); scores of upsampled imagery are less reliable</source>
        <translation>래스터(픽셀당 {res_m:.1f} m)가 모델 픽셀({0:.1f} m)보다 거칩니다. 업샘플링한 영상의 점수는 신뢰도가 낮습니다</translation>
    </message>
    <message>
        <source>The raster holds {0} values, not 8-bit colour: reading it as Sentinel-2 reflectance x 10000 and converting to the 8-bit true-colour rendering the model expects: 255 x clip({render_gain:g} x reflectance, 0, 1)</source>
        <translation>래스터 값이 8비트 색이 아닌 {0}입니다: Sentinel-2 반사율 x 10000으로 읽고, 모델이 기대하는 8비트 트루컬러로 변환합니다: 255 x clip({render_gain:g} x 반사율, 0, 1)</translation>
    </message>
    <message>
        <source>the raster is 8-bit but model '{card_name}' expects other values (scale {spec_scale:g}); check that the model and the imagery match</source>
        <translation>래스터는 8비트인데 모델 '{card_name}'은(는) 다른 값을 기대합니다 (스케일 {spec_scale:g}). 모델과 영상이 맞는지 확인하세요</translation>
    </message>
    <message>
        <source>OUTPUT_PROBABILITIES applies to segmentation models only; not written</source>
        <translation>OUTPUT_PROBABILITIES는 분할(segmentation) 모델에만 쓰입니다. 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>OUTPUT_VECTOR applies to segmentation and detection models only; not written</source>
        <translation>OUTPUT_VECTOR는 분할(segmentation)과 탐지(detection) 모델에만 쓰입니다. 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>a detection model gives no raster; OUTPUT is not written</source>
        <translation>탐지 모델은 래스터를 만들지 않으므로 OUTPUT은 저장하지 않았습니다</translation>
    </message>
    <message>
        <source>Model (stated parameters): {0}</source>
        <translation>모델 (지정한 매개변수): {0}</translation>
    </message>
    <message>
        <source>Card saved into a copy of the model: {saved}</source>
        <translation>모델 사본에 카드를 저장했습니다: {saved}</translation>
    </message>
    <message>
        <source>Classes (threshold {threshold:g}, small segments {0}): </source>
        <translation>클래스 (임계값 {threshold:g}, 작은 조각 {0}): </translation>
    </message>
    <message>
        <source>{0} class polygons</source>
        <translation>클래스 폴리곤 {0}개</translation>
    </message>
    <message>
        <source>{n}=band {b}</source>
        <translation>{n}=밴드 {b}</translation>
    </message>
    <message>
        <source>RASTER is not 8-bit colour: reading it as Sentinel-2 reflectance x 10000 and converting to 8-bit true colour, 255 x clip(2.5 x reflectance, 0, 1), as the RGB featurizer expects</source>
        <translation>RASTER가 8비트 색이 아닙니다: Sentinel-2 반사율 x 10000으로 읽고, RGB 특징 추출기가 기대하는 8비트 트루컬러 255 x clip(2.5 x 반사율, 0, 1)로 변환합니다</translation>
    </message>
    <message>
        <source>{0} chips of {chip_size:g} m cut in {metric} from {1} polygons in {2} clusters</source>
        <translation>클러스터 {2}개의 폴리곤 {1}개에서 {metric} 좌표계로 {chip_size:g} m 칩 {0}개를 잘랐습니다</translation>
    </message>
    <message>
        <source>The raster is not 8-bit colour: reading it as Sentinel-2 reflectance x 10000 and converting to 8-bit true colour, 255 x clip(2.5 x reflectance, 0, 1), as the RGB featurizer expects</source>
        <translation>래스터가 8비트 색이 아닙니다: Sentinel-2 반사율 x 10000으로 읽고, RGB 특징 추출기가 기대하는 8비트 트루컬러 255 x clip(2.5 x 반사율, 0, 1)로 변환합니다</translation>
    </message>
    <message>
        <source>Featurizer: {0}</source>
        <translation>특징 추출기: {0}</translation>
    </message>
    <message>
        <source>Chips cut in {metric}</source>
        <translation>{metric} 좌표계로 칩을 잘랐습니다</translation>
    </message>
    <message>
        <source>{0} point(s) dropped: {reason}</source>
        <translation>지점 {0}개 제외: {reason}</translation>
    </message>
    <message>
        <source>Smallest water body: {area:g} m2 (4 pixels; set MIN_AREA to change)</source>
        <translation>가장 작은 수체: {area:g} m2 (4픽셀, 바꾸려면 MIN_AREA 지정)</translation>
    </message>
    <message>
        <source>Model chosen from the bands: {model_card_name}</source>
        <translation>밴드 구성으로 고른 모델: {model_card_name}</translation>
    </message>
    <message>
        <source>The scene's MNDWI splits at {probe_threshold:.3f} (Otsu), below 0: dark or turbid water. Using water_mndwi with that threshold (set MODEL or THRESHOLD to choose yourself).</source>
        <translation>이 영상의 MNDWI는 {probe_threshold:.3f}(Otsu)에서 나뉘며 0보다 낮습니다: 어둡거나 탁한 물입니다. 이 임계값으로 water_mndwi를 사용합니다 (직접 고르려면 MODEL 또는 THRESHOLD를 지정하세요).</translation>
    </message>
    <message>
        <source>8-bit imagery: only the sign-based index models are candidates</source>
        <translation>8비트 영상: 부호만 쓰는 지수 모델만 후보입니다</translation>
    </message>
    <message>
        <source>Model chosen from the bands of the first date: {model_card_name}</source>
        <translation>첫 날짜의 밴드 구성으로 고른 모델: {model_card_name}</translation>
    </message>
    <message>
        <source>Pixels: {0} permanent, {1} new, {2} lost, {3} seasonal, {4} never water, {5} never observed</source>
        <translation>픽셀: 영구 수체 {0}, 신규 {1}, 소실 {2}, 계절성 {3}, 수체 아님 {4}, 관측 없음 {5}</translation>
    </message>
    <message>
        <source>m2</source>
        <translation>m2</translation>
    </message>
    <message>
        <source>model '{name}' skipped: {reason}</source>
        <translation>모델 '{name}' 건너뜀: {reason}</translation>
    </message>
    <message>
        <source>{title} ({count} bands: {0})</source>
        <translation>{title} (밴드 {count}개: {0})</translation>
    </message>
    <message>
        <source>{n}=band {i} ({0})</source>
        <translation>{n}=밴드 {i} ({0})</translation>
    </message>
    <message>
        <source>Cancelled: no new items start; finished items stay done</source>
        <translation>취소됨: 새 항목은 시작하지 않습니다. 끝난 항목은 완료 상태로 남습니다</translation>
    </message>
    <message>
        <source>{total} items: {done} done ({skipped} already done before), {failed} failed, {pending} pending; {seconds:.1f} s</source>
        <translation>항목 {total}개: 완료 {done}개 (이전에 이미 완료 {skipped}개), 실패 {failed}개, 남음 {pending}개. {seconds:.1f}초</translation>
    </message>
    <message>
        <source>Batch {tool}: {0} items, {skipped} already done with intact outputs, {1} to run</source>
        <translation>일괄 처리 {tool}: 항목 {0}개, 출력이 온전하여 이미 끝난 항목 {skipped}개, 실행할 항목 {1}개</translation>
    </message>
    <message>
        <source>{source}: platform not in the name or tags; using Sentinel-2A wavelengths</source>
        <translation>{source}: 이름이나 태그에 위성 정보가 없어 Sentinel-2A 파장을 사용합니다</translation>
    </message>
    <message>
        <source>Dask: {client_scheduler_address}, {0} workers</source>
        <translation>Dask: {client_scheduler_address}, 워커 {0}개</translation>
    </message>
    <message>
        <source>Combined table: {table_path}</source>
        <translation>통합 표: {table_path}</translation>
    </message>
    <message>
        <source>Mosaic: {m}</source>
        <translation>모자이크: {m}</translation>
    </message>
    <message>
        <source>Dask dashboard: {dashboard}</source>
        <translation>Dask 대시보드: {dashboard}</translation>
    </message>
    <message>
        <source>{0}: failed: {1}</source>
        <translation>{0}: 실패: {1}</translation>
    </message>
    <message>
        <source>{0}: failed: {message}</source>
        <translation>{0}: 실패: {message}</translation>
    </message>
    <message>
        <source>a task of {0} items failed ({1}: {exc}); running them one by one</source>
        <translation>항목 {0}개짜리 작업이 실패했습니다 ({1}: {exc}). 하나씩 실행합니다</translation>
    </message>
    <message>
        <source>{title} ({name} {version}, task {task}, {model_type}); bands {bands}; tile {tiling_tile_size} px, overlap {tiling_overlap} px, merge {tiling_merge}</source>
        <translation>{title} ({name} {version}, task {task}, {model_type}). 밴드 {bands}. 타일 {tiling_tile_size} 픽셀, 중첩 {tiling_overlap} 픽셀, 병합 {tiling_merge}</translation>
    </message>
    <message>
        <source>; AFTER is already on that grid (no resampling)</source>
        <translation>. AFTER는 이미 같은 격자에 있습니다 (리샘플링 없음)</translation>
    </message>
    <message>
        <source>split-based automatic thresholds on the log-ratio (Chini et al. 2017; tiles with Ashman's D &gt; 2), {fall}; {rise}; at least {min_change_db:g} dB either way</source>
        <translation>로그비에 대한 분할 기반 자동 임계값 (Chini et al. 2017; Ashman's D &gt; 2인 타일), {fall}; {rise}; 양방향 모두 최소 {min_change_db:g} dB</translation>
    </message>
    <message>
        <source>new flood where {band_name} &lt; {t_fall:.2f} dB, receded where {band_name} &gt; {t_rise:.2f} dB ({how}); {water_text}</source>
        <translation>{band_name} &lt; {t_fall:.2f} dB이면 신규 침수, {band_name} &gt; {t_rise:.2f} dB이면 물이 빠진 곳 ({how}). {water_text}</translation>
    </message>
    <message>
        <source>class index -&gt; {pairs}</source>
        <translation>클래스 인덱스 -&gt; {pairs}</translation>
    </message>
    <message>
        <source>most probable class -&gt; {pairs}</source>
        <translation>가장 확률이 높은 클래스 -&gt; {pairs}</translation>
    </message>
    <message>
        <source>{name}: {kind} on {tiles_kept} bimodal tile(s) gives {threshold:.2f} dB{notes}{wrong}</source>
        <translation>{name}: 쌍봉형 타일 {tiles_kept}개에 {kind} 적용 결과 {threshold:.2f} dB{notes}{wrong}</translation>
    </message>
    <message>
        <source>fall, on the pixels that are water after</source>
        <translation>감소, 이후 시기에 수체인 픽셀에서</translation>
    </message>
    <message>
        <source>rise, on the pixels that were water before</source>
        <translation>증가, 이전 시기에 수체였던 픽셀에서</translation>
    </message>
    <message>
        <source>Running {cm_card_name} on BEFORE and AFTER ...</source>
        <translation>BEFORE와 AFTER 영상에 {cm_card_name} 실행 중 ...</translation>
    </message>
    <message>
        <source>card default (AUTO_THRESHOLD off)</source>
        <translation>카드 기본값 (AUTO_THRESHOLD 꺼짐)</translation>
    </message>
    <message>
        <source>; chip model: each {chip} x {chip} px chip's class is given to its valid pixels (chips less than half valid are nodata)</source>
        <translation>; 칩 모델: 각 {chip} x {chip} px 칩의 클래스를 그 칩의 유효 픽셀에 부여 (유효 픽셀이 절반 미만인 칩은 nodata)</translation>
    </message>
    <message>
        <source>Output mapping: {decoder_text}</source>
        <translation>출력 매핑: {decoder_text}</translation>
    </message>
    <message>
        <source>Log-ratio thresholds: {thresholds}</source>
        <translation>로그 비율 임계값: {thresholds}</translation>
    </message>
    <message>
        <source>Change classes: {summary}</source>
        <translation>변화 클래스: {summary}</translation>
    </message>
    <message>
        <source>{0} {noun}, {damaged} damaged (flooded share above {damage_threshold:g})</source>
        <translation>{noun} {0}개, 피해 {damaged}개 (침수 비율 {damage_threshold:g} 초과)</translation>
    </message>
    <message>
        <source>Aligned to BEFORE's grid: {0}, pixels {1}, {width} x {height} px</source>
        <translation>BEFORE 격자에 정렬: {0}, 픽셀 {1}, {width} x {height} 픽셀</translation>
    </message>
    <message>
        <source>; AFTER ({0}, pixels {1}, {after_width} x {after_height} px) warped onto it with {resampling} resampling</source>
        <translation>. AFTER({0}, 픽셀 {1}, {after_width} x {after_height} 픽셀)를 {resampling} 리샘플링으로 이 격자에 재투영</translation>
    </message>
    <message>
        <source>Method: {kind} ({reason}). </source>
        <translation>방법: {kind} ({reason}). </translation>
    </message>
    <message>
        <source>probability of new flood &gt; {thr:g} ({source}) is new flood, everything else dry (a probability of new flood says nothing about permanent or receded water)</source>
        <translation>신규 침수 확률 &gt; {thr:g} ({source})이면 신규 침수, 나머지는 건조 (신규 침수 확률은 상시 수체나 후퇴한 물에 대해서는 알려주지 않음)</translation>
    </message>
    <message>
        <source>; not sure: state RADAR_UNITS (or 'dB' / 'linear' in BAND_MAP) if wrong</source>
        <translation>. 확실하지 않음: 틀렸다면 RADAR_UNITS(또는 BAND_MAP에 'dB' / 'linear')를 지정하세요</translation>
    </message>
    <message>
        <source>{name}: no bimodal tile, the fixed {sign}{min_change_db:g} dB applies</source>
        <translation>{name}: 쌍봉형 타일 없음, 고정값 {sign}{min_change_db:g} dB 적용</translation>
    </message>
    <message>
        <source>Running {dm_model_card_name} on the {0} scene ...</source>
        <translation>{0} 영상에 {dm_model_card_name} 실행 중 ...</translation>
    </message>
    <message>
        <source>{role} water where {0} {1} {dm_threshold:.2f} ({2})</source>
        <translation>{role} 수체: {0} {1} {dm_threshold:.2f} ({2})</translation>
    </message>
    <message>
        <source>Grid: {grid_cols} x {grid_rows} cells of {cell_size:g} m in {0}; a pixel counts in the cell holding its centre; areas in {equal_area}</source>
        <translation>격자: {0} 좌표계의 {cell_size:g} m 격자 {grid_cols} x {grid_rows}개. 픽셀은 중심이 들어 있는 격자에 집계되며, 면적은 {equal_area} 기준</translation>
    </message>
    <message>
        <source>the raster CRS</source>
        <translation>래스터 좌표계</translation>
    </message>
    <message>
        <source>Zones: {0} polygons; a pixel counts in every zone holding its centre</source>
        <translation>구역: 폴리곤 {0}개. 픽셀은 중심이 들어 있는 모든 구역에 집계</translation>
    </message>
    <message>
        <source>{0} of {1} {noun} have no valid pixel in both scenes (outside them, or nodata in either date): valid share 0 and NULL figures (unknown, not undamaged)</source>
        <translation>{noun} {1}개 중 {0}개는 두 영상 모두에서 유효한 픽셀이 없습니다(영상 밖이거나 어느 한 날짜에서 nodata): valid share는 0, 나머지 수치는 NULL입니다(피해 없음이 아니라 알 수 없음)</translation>
    </message>
    <message>
        <source> (the overlap: columns {col0}-{0}, rows {row0}-{1} of BEFORE)</source>
        <translation> (겹치는 부분: BEFORE의 열 {col0}-{0}, 행 {row0}-{1})</translation>
    </message>
    <message>
        <source>change model {change_model_card_name} ({change_model_card_title})</source>
        <translation>변화 모델 {change_model_card_name} ({change_model_card_title})</translation>
    </message>
    <message>
        <source>{role}: bands {0}</source>
        <translation>{role}: 밴드 {0}</translation>
    </message>
    <message>
        <source>the card threshold</source>
        <translation>카드의 임계값</translation>
    </message>
    <message>
        <source>the card gives none: 0.5</source>
        <translation>카드에 없음: 0.5</translation>
    </message>
    <message>
        <source>{0} backscatter: {judged_how}</source>
        <translation>{0} 후방산란: {judged_how}</translation>
    </message>
    <message>
        <source>{0}: {1} converted to dB (10 log10) on the fly</source>
        <translation>{0}: {1}을(를) 즉석에서 dB(10 log10)로 변환</translation>
    </message>
    <message>
        <source>{0}: automatic water threshold ...</source>
        <translation>{0}: 자동 수체 임계값 계산 중 ...</translation>
    </message>
    <message>
        <source>{0} water threshold {value:.4g}: {how}</source>
        <translation>{0} 수체 임계값 {value:.4g}: {how}</translation>
    </message>
    <message>
        <source>{role}: water model {dm_model_card_name}, water where {out} is {dm_water_if} {dm_threshold:.4g} ({0}), bands {1}</source>
        <translation>{role}: 수체 모델 {dm_model_card_name}, {out}이(가) {dm_threshold:.4g} {dm_water_if}이면 수체 ({0}), 밴드 {1}</translation>
    </message>
    <message>
        <source>above</source>
        <translation>초과</translation>
    </message>
    <message>
        <source>below</source>
        <translation>미만</translation>
    </message>
    <message>
        <source>Computing FDI and NDVI ...</source>
        <translation>FDI와 NDVI 계산 중 ...</translation>
    </message>
    <message>
        <source>Water mask with {wcard_name} (its card's default threshold) ...</source>
        <translation>{wcard_name}(카드의 기본 임계값)으로 수체 마스크 만드는 중 ...</translation>
    </message>
    <message>
        <source>Water FDI: median {median:.5f}, robust sigma {sigma:.5f}; candidates where FDI &gt; {cut:.5f} (FDI &gt; {0:g} and z &gt; {1:g}); cloud-like where red &gt;= {scene_cloud_level:g}</source>
        <translation>수면 FDI: 중앙값 {median:.5f}, 로버스트 시그마 {sigma:.5f}. FDI &gt; {cut:.5f}인 곳이 후보 (FDI &gt; {0:g}이고 z &gt; {1:g}). 적색 &gt;= {scene_cloud_level:g}이면 구름으로 간주</translation>
    </message>
    <message>
        <source>; {learnt_cloud_pixels} cloud-like pixels left out</source>
        <translation>, 구름으로 보이는 픽셀 {learnt_cloud_pixels}개 제외</translation>
    </message>
    <message>
        <source>{flagged} of {water_pixels} cloud-free water pixels flagged ({0:.3f} %)</source>
        <translation>구름 없는 수면 픽셀 {water_pixels}개 중 {flagged}개 표시 ({0:.3f} %)</translation>
    </message>
    <message>
        <source> in {n_candidates} candidate patches</source>
        <translation>, 후보 패치 {n_candidates}개</translation>
    </message>
    <message>
        <source>Done: {candidates} boxes above {confidence:g} in {0} tiles, {1} kept after class-aware suppression, {result_seconds:.2f} s</source>
        <translation>완료: 타일 {0}개에서 신뢰도 {confidence:g} 초과 상자 {candidates}개, 클래스별 중복 제거 후 {1}개 유지, {result_seconds:.2f}초</translation>
    </message>
    <message>
        <source>{card_title}: {width}x{height} px, {0} tiles of {tile} px (overlap {overlap} px), confidence &gt;= {confidence:g}, IoU for suppression {iou_threshold:g}</source>
        <translation>{card_title}: {width}x{height} 픽셀, {tile} 픽셀 타일 {0}개 (중첩 {overlap} 픽셀), 신뢰도 &gt;= {confidence:g}, 중복 제거 IoU {iou_threshold:g}</translation>
    </message>
    <message>
        <source>Detector output {0} read as {layout} layout</source>
        <translation>탐지기 출력 {0}을(를) {layout} 배열로 읽음</translation>
    </message>
    <message>
        <source>none: no green with NIR or SWIR band, so water cannot be told from vegetation</source>
        <translation>없음: 근적외선이나 단파적외선과 함께 쓸 녹색 밴드가 없어 수체와 식생을 구분할 수 없습니다</translation>
    </message>
    <message>
        <source>MNDWI = (green - SWIR1) / (green + SWIR1) &gt; 0 is water (valid, never green)</source>
        <translation>MNDWI = (녹색 - SWIR1) / (녹색 + SWIR1) &gt; 0이면 수체 (유효, 녹지 아님)</translation>
    </message>
    <message>
        <source>No green and NIR/SWIR bands: water cannot be excluded from green.</source>
        <translation>녹색과 근적외선/단파적외선 밴드가 없어 녹지에서 수체를 제외할 수 없습니다.</translation>
    </message>
    <message>
        <source>Sentinel-2 SCL band {scl}: classes 3, 8, 9, 10 are cloud/shadow, 11 is snow</source>
        <translation>Sentinel-2 SCL 밴드 {scl}: 클래스 3, 8, 9, 10은 구름/그림자, 11은 눈</translation>
    </message>
    <message>
        <source>none: no blue band found for the cloud test; only nodata pixels are excluded</source>
        <translation>없음: 구름 검사에 쓸 청색 밴드가 없어 NoData 픽셀만 제외합니다</translation>
    </message>
    <message>
        <source>Cloud rule: {cloud_rule}</source>
        <translation>구름 규칙: {cloud_rule}</translation>
    </message>
    <message>
        <source>Sentinel-2 SCL band {scl}: class 6 is water (valid, never green)</source>
        <translation>Sentinel-2 SCL 밴드 {scl}: 클래스 6은 수체 (유효, 녹지 아님)</translation>
    </message>
    <message>
        <source>NDWI = (green - NIR) / (green + NIR) &gt; 0 is water (valid, never green)</source>
        <translation>NDWI = (녹색 - 근적외선) / (녹색 + 근적외선) &gt; 0이면 수체 (유효, 녹지 아님)</translation>
    </message>
    <message>
        <source>Water rule: {water_rule}</source>
        <translation>수체 규칙: {water_rule}</translation>
    </message>
    <message>
        <source>Model {model_card_name}: bands {0}</source>
        <translation>모델 {model_card_name}: 밴드 {0}</translation>
    </message>
    <message>
        <source>Areas: per-pixel true areas in {equal_area}; zones take the pixels whose centres lie inside them</source>
        <translation>면적: {equal_area} 기준 픽셀별 실면적. 구역에는 중심이 구역 안에 있는 픽셀이 들어갑니다</translation>
    </message>
    <message>
        <source>Season check: {when} ({date_source}); scene at latitude {latitude:.2f} ({hemi} hemisphere); 95th percentile of the vegetation index {p95}</source>
        <translation>계절 검사: {when} ({date_source}). 영상 위도 {latitude:.2f} ({hemi}), 식생지수 95번째 백분위수 {p95}</translation>
    </message>
    <message>
        <source>Acquisition date unknown ({date_source}): cannot confirm leaf-on summer imagery; the green ratio is only meaningful on summer scenes.</source>
        <translation>촬영 날짜를 알 수 없습니다 ({date_source}): 잎이 난 여름 영상인지 확인할 수 없습니다. 녹지 비율은 여름 영상에서만 의미가 있습니다.</translation>
    </message>
    <message>
        <source>The imagery looks leaf-off: the greenest 5 % of valid pixels have a vegetation index of only {index_p95:.2f} (below {leaf_off_p95:.2f}), as in winter, snow, drought or a scene without vegetation.</source>
        <translation>잎이 없는 시기의 영상으로 보입니다: 유효 픽셀 중 가장 푸른 5 %의 식생지수가 {index_p95:.2f}({leaf_off_p95:.2f} 미만)에 불과합니다. 겨울, 눈, 가뭄, 또는 식생이 없는 영상에서 나타나는 값입니다.</translation>
    </message>
    <message>
        <source>Snow covers {0:.0f} % of the valid area: not leaf-on imagery.</source>
        <translation>눈이 유효 면적의 {0:.0f} %를 덮고 있습니다: 잎이 난 시기의 영상이 아닙니다.</translation>
    </message>
    <message>
        <source>none (model {model_card_name} has no cloud test; only nodata pixels are excluded)</source>
        <translation>없음 (모델 {model_card_name}에 구름 검사가 없어 NoData 픽셀만 제외합니다)</translation>
    </message>
    <message>
        <source>No blue band found: clouds cannot be detected and count as valid ground.</source>
        <translation>청색 밴드가 없어 구름을 탐지할 수 없으며, 구름도 유효한 지표로 집계됩니다.</translation>
    </message>
    <message>
        <source>; NIR reflectance &lt; {0:g} is dark water (valid, never green)</source>
        <translation>, 근적외선 반사율 &lt; {0:g}이면 어두운 수체 (유효, 녹지 아님)</translation>
    </message>
    <message>
        <source>Grid: {grid_cols} x {grid_rows} cells of {cell_size:g} m in {0}</source>
        <translation>격자: {0} 좌표계의 {cell_size:g} m 격자 {grid_cols} x {grid_rows}개</translation>
    </message>
    <message>
        <source>; snow {0:.1f} % of the valid area</source>
        <translation>, 눈이 유효 면적의 {0:.1f} %</translation>
    </message>
    <message>
        <source>Acquired {0}, outside the local summer ({months} in the {hemi} hemisphere): vegetation may be leaf-off or dormant, the green ratio is not comparable with summer imagery.</source>
        <translation>{0}에 촬영되어 현지 여름({hemi}은 {months}) 밖입니다: 식생이 잎이 없거나 휴면 상태일 수 있어 녹지 비율을 여름 영상과 비교할 수 없습니다.</translation>
    </message>
    <message>
        <source>blue reflectance &gt; {cloud_test_blue_min:g} is cloud (no SWIR band: snow cannot be told apart and is excluded as cloud too)</source>
        <translation>청색 반사율 &gt; {cloud_test_blue_min:g}이면 구름 (단파적외선 밴드가 없어 눈을 구분할 수 없으므로 눈도 구름으로 제외)</translation>
    </message>
    <message>
        <source>blue reflectance &gt; {cloud_test_blue_min:g} and NDSI &lt; {cloud_test_ndsi_snow_min:g} is cloud; blue &gt; {cloud_test_blue_min:g} with NDSI &gt;= {cloud_test_ndsi_snow_min:g} is snow (valid, not green); reflectance = DN x {cloud_test_scale:g} + {cloud_test_offset:g}</source>
        <translation>청색 반사율 &gt; {cloud_test_blue_min:g}이고 NDSI &lt; {cloud_test_ndsi_snow_min:g}이면 구름, 청색 &gt; {cloud_test_blue_min:g}이고 NDSI &gt;= {cloud_test_ndsi_snow_min:g}이면 눈 (유효, 녹지 아님). 반사율 = DN x {cloud_test_scale:g} + {cloud_test_offset:g}</translation>
    </message>
    <message>
        <source>{0} chips scored for {1} units in {2:.1f} s ({3:.1f} chips/s)</source>
        <translation>단위 {1}개에 대해 칩 {0}개 점수 계산, {2:.1f}초 (초당 {3:.1f}개)</translation>
    </message>
    <message>
        <source>too few clusters for a leave-cluster-out figure (each fold of held-out clusters and the rest must span two levels of the order; give 4 or more clusters on 2 or more levels): KENDALL_TAU and SPEARMAN are NaN; only the optimistic held-out-chip figures are available</source>
        <translation>클러스터 제외 교차검증을 하기에는 클러스터가 너무 적습니다 (각 폴드의 검증 클러스터와 나머지가 모두 순서의 두 단계 이상에 걸쳐야 합니다. 2단계 이상에 클러스터 4개 이상을 주세요): KENDALL_TAU와 SPEARMAN은 NaN이며, 낙관적인 검증 칩 수치만 있습니다</translation>
    </message>
    <message>
        <source>Held-out chips of the training clusters ({0}): Kendall tau of cluster means vs the order {tau:.3f}, Spearman chip score vs level {rho:.3f} (training chips: tau {tau_train:.3f}); these clusters were also trained on, so the figures are optimistic</source>
        <translation>학습 클러스터의 검증 칩({0}): 클러스터 평균과 순서의 켄달 타우 {tau:.3f}, 칩 점수와 단계의 스피어만 {rho:.3f} (학습 칩: 타우 {tau_train:.3f}). 이 클러스터로 학습도 했으므로 수치는 낙관적입니다</translation>
    </message>
    <message>
        <source>{used} points used, {0} dropped; ridge alpha {alpha:.3g} chosen by {folds}-fold CV: r2 {r2:.3f}, Spearman {rho:.3f}</source>
        <translation>지점 {used}개 사용, {0}개 제외. {folds}겹 교차검증으로 릿지 alpha {alpha:.3g} 선택: r2 {r2:.3f}, 스피어만 {rho:.3f}</translation>
    </message>
    <message>
        <source>{0} chips in {1} clusters; order: </source>
        <translation>클러스터 {1}개의 칩 {0}개. 순서: </translation>
    </message>
    <message>
        <source>{skipped} chip(s) with too little valid imagery were left out</source>
        <translation>유효 영상이 너무 적은 칩 {skipped}개를 제외했습니다</translation>
    </message>
    <message>
        <source>the chosen alpha {alpha:.3g} is at the edge of the searched range</source>
        <translation>선택된 alpha {alpha:.3g}가 탐색 범위의 끝에 있습니다</translation>
    </message>
    <message>
        <source>Leave-cluster-out ({0} folds of whole clusters): Spearman chip score vs level {g_rho:.3f}, Kendall tau {g_tau:.3f} (mean over folds; </source>
        <translation>클러스터 제외 교차검증 (클러스터 단위 폴드 {0}개): 칩 점수와 단계의 스피어만 {g_rho:.3f}, 켄달 타우 {g_tau:.3f} (폴드 평균; </translation>
    </message>
    <message>
        <source>no valid pixel</source>
        <translation>유효 픽셀 없음</translation>
    </message>
    <message>
        <source>median {median:.4g}, 1st-99th percentile {p01:.4g} to {p99:.4g}, {0:.1f} % negative</source>
        <translation>중앙값 {median:.4g}, 1~99번째 백분위수 {p01:.4g}~{p99:.4g}, 음수 {0:.1f} %</translation>
    </message>
    <message>
        <source>Kittler-Illingworth has no minimum between the two modes: Otsu used</source>
        <translation>Kittler-Illingworth: 두 봉우리 사이에 최솟값이 없어 Otsu 사용</translation>
    </message>
    <message>
        <source>split-based automatic threshold (Chini et al. 2017): {tiles_kept} bimodal tile(s) ({rule}) holding {share:.1f} % of the valid pixels; {how} on their pooled histogram: {threshold:.4g}{unit}</source>
        <translation>분할 기반 자동 임계값 (Chini 외 2017): 쌍봉형 타일 {tiles_kept}개 ({rule})가 유효 픽셀의 {share:.1f} %를 차지. 합친 히스토그램에 {how} 적용: {threshold:.4g}{unit}</translation>
    </message>
    <message>
        <source>all values equal ({lo:g})</source>
        <translation>모든 값이 같음 ({lo:g})</translation>
    </message>
    <message>
        <source>{0} as stated</source>
        <translation>{0} (지정한 대로)</translation>
    </message>
    <message>
        <source>{0} from the band descriptions ({facts})</source>
        <translation>{0} (밴드 설명에서) ({facts})</translation>
    </message>
    <message>
        <source>dB, judged from the values ({facts})</source>
        <translation>dB, 값으로 판단 ({facts})</translation>
    </message>
    <message>
        <source>linear power, judged from the values ({facts})</source>
        <translation>선형 전력, 값으로 판단 ({facts})</translation>
    </message>
    <message>
        <source>split-based automatic threshold: no tile of the scene has a bimodal histogram ({rule}; tiles from the whole scene down to {smallest_tile} px)</source>
        <translation>분할 기반 자동 임계값: 영상에 히스토그램이 쌍봉형인 타일이 없습니다 ({rule}. 영상 전체부터 {smallest_tile} 픽셀 타일까지 확인)</translation>
    </message>
    <message>
        <source>{0} from the band descriptions</source>
        <translation>{0} (밴드 설명에서)</translation>
    </message>
    <message>
        <source>Done: {0} tiles, {seconds:.2f} s</source>
        <translation>완료: 타일 {0}개, {seconds:.2f}초</translation>
    </message>
    <message>
        <source>{card_title}: {width}x{height} px in {cols}x{rows} tiles of {tile} px, compared with {query_path}</source>
        <translation>{card_title}: {width}x{height} 픽셀, {tile} 픽셀 타일 {cols}x{rows}개, {query_path}와(과) 비교</translation>
    </message>
    <message>
        <source>{tiles} tiles of {0}x{1} px, overlap {overlap} px, merge {merge}, batch {batch_size}, {threads} onnxruntime thread(s){2}, {seconds:.2f} s ({3:.1f} Mpx/s)</source>
        <translation>{0}x{1} 픽셀 타일 {tiles}개, 중첩 {overlap} 픽셀, 병합 {merge}, 배치 {batch_size}, onnxruntime 스레드 {threads}개{2}, {seconds:.2f}초 (초당 {3:.1f} Mpx)</translation>
    </message>
    <message>
        <source>{card_title}: {lay_width}x{lay_height} px, {0} tiles of {lay_tw}x{lay_th} px (overlap {lay_overlap} px, merge {lay_merge}){stripe_note}, batches of {lay_batch}, {lanes} batch(es) at a time with {lane_threads} onnxruntime thread(s) each</source>
        <translation>{card_title}: {lay_width}x{lay_height} 픽셀, {lay_tw}x{lay_th} 픽셀 타일 {0}개 (중첩 {lay_overlap} 픽셀, 병합 {lay_merge}){stripe_note}, 배치 크기 {lay_batch}, 동시에 배치 {lanes}개, 배치마다 onnxruntime 스레드 {lane_threads}개</translation>
    </message>
    <message>
        <source>Done: {0}</source>
        <translation>완료: {0}</translation>
    </message>
    <message>
        <source>{card_title}: {width}x{height} px in {0} chips of {chip} px ({cols}x{rows}), batches of {batch}, {threads} onnxruntime thread(s)</source>
        <translation>{card_title}: {width}x{height} 픽셀, {chip} 픽셀 칩 {0}개 ({cols}x{rows}), 배치 크기 {batch}, onnxruntime 스레드 {threads}개</translation>
    </message>
    <message>
        <source> in {lanes} lanes</source>
        <translation>, 레인 {lanes}개</translation>
    </message>
    <message>
        <source>No zones: the series covers the area all dates have in common</source>
        <translation>구역 없음: 모든 날짜에 공통인 범위에서 시계열을 계산합니다</translation>
    </message>
    <message>
        <source>{slope_per_year:+.4g} {unit}/year (Sen's slope), Mann-Kendall p = {p_value:.3g}, n = {n}</source>
        <translation>연 {slope_per_year:+.4g} {unit} (Sen 기울기), Mann-Kendall p = {p_value:.3g}, n = {n}</translation>
    </message>
    <message>
        <source>Reference grid: {0}; areas in m2 from {equal_area}</source>
        <translation>기준 격자: {0}. 면적(m2)은 {equal_area} 기준</translation>
    </message>
    <message>
        <source>no trend (only {n} usable dates; 3 or more needed)</source>
        <translation>추세 없음 (쓸 수 있는 날짜가 {n}개뿐입니다. 3개 이상 필요)</translation>
    </message>
    <message>
        <source>{date_label}: threshold {report_threshold:.4g} ({report_threshold_source}); water {report_stats_water} of {report_stats_valid} valid pixels on its own grid</source>
        <translation>{date_label}: 임계값 {report_threshold:.4g} ({report_threshold_source}). 자체 격자의 유효 픽셀 {report_stats_valid}개 중 수체 {report_stats_water}개</translation>
    </message>
    <message>
        <source>Date {0}/{n}: {d_label} ({d_source}) - {1}</source>
        <translation>날짜 {0}/{n}: {d_label} ({d_source}) - {1}</translation>
    </message>
    <message>
        <source>{date_label}: water where {0} is {side} {value:.4g}; {water} of {valid} px valid</source>
        <translation>{date_label}: {0}이(가) {value:.4g} {side}인 곳이 수체. 유효 픽셀 {valid}개 중 {water}개</translation>
    </message>
    <message>
        <source>{card_title}: {width}x{height} px -&gt; {0}x{1} px (scale factor {factor}), {2} tiles of {tile} px, overlap {overlap} px</source>
        <translation>{card_title}: {width}x{height} 픽셀 -&gt; {0}x{1} 픽셀 (배율 {factor}), {tile} 픽셀 타일 {2}개, 중첩 {overlap} 픽셀</translation>
    </message>
    <message>
        <source>Computing the split-based automatic threshold (tiles with a bimodal histogram) ...</source>
        <translation>분할 기반 자동 임계값 계산 중 (히스토그램이 쌍봉형인 타일) ...</translation>
    </message>
    <message>
        <source>Polygonising water bodies ...</source>
        <translation>수체를 폴리곤으로 변환 중 ...</translation>
    </message>
    <message>
        <source>Computing Otsu's threshold on the scene's index histogram ...</source>
        <translation>영상의 지수 히스토그램으로 Otsu 임계값 계산 중 ...</translation>
    </message>
    <message>
        <source>{0} converted to dB (10 log10) on the fly for {card_name}</source>
        <translation>{card_name}에 쓰도록 {0}을(를) 즉석에서 dB(10 log10)로 변환</translation>
    </message>
    <message>
        <source>{n} water bodies of at least {min_area_m2:g} m2, {0:.4f} km2 in all (areas computed in {calc_area_crs})</source>
        <translation>면적 {min_area_m2:g} m2 이상 수체 {n}개, 총 {0:.4f} km2 (면적 계산 좌표계: {calc_area_crs})</translation>
    </message>
    <message>
        <source>Backscatter: {judged_how}</source>
        <translation>후방산란: {judged_how}</translation>
    </message>
    <message>
        <source>Threshold {value:.6g} ({how}); water where {0} is {side} it</source>
        <translation>임계값 {value:.6g} ({how}); {0}이(가) 임계값 {side}인 곳을 수체로 판정</translation>
    </message>
    <message>
        <source>Water: {stats_water} of {stats_valid} valid pixels ({0:.2f} %), {stats_nodata} nodata pixels</source>
        <translation>수체: 유효 픽셀 {stats_valid}개 중 {stats_water}개 ({0:.2f} %), NoData 픽셀 {stats_nodata}개</translation>
    </message>
    <message>
        <source>{0}: no raster layer given</source>
        <translation>{0}: 래스터 레이어가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' is not valid</source>
        <translation>{0}: 레이어 '{1}'이(가) 유효하지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' comes from the '{2}' provider and is not a file; export it as a GeoTIFF first (Raster &gt; Conversion &gt; Translate)</source>
        <translation>{0}: 레이어 '{1}'은(는) '{2}' 제공자에서 온 것으로 파일이 아닙니다. 먼저 GeoTIFF로 내보내십시오(래스터 &gt; 변환 &gt; 변환)</translation>
    </message>
    <message>
        <source>{0}: the raster '{1}' ({2}) has no coordinate reference system; assign one (Raster &gt; Projections &gt; Assign Projection) and run again</source>
        <translation>{0}: 래스터 '{1}'({2})에 좌표계가 없습니다. 좌표계를 지정한 뒤(래스터 &gt; 투영 &gt; 투영 지정) 다시 실행하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot cut '{1}' to the requested extent: {2}</source>
        <translation>{0}: '{1}'을(를) 요청한 범위로 자를 수 없습니다: {2}</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has no coordinate reference system</source>
        <translation>{0}: 레이어 '{1}'에 좌표계가 없습니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a file ({2} provider), so it must be rendered at a ground resolution; set RESOLUTION (metres per pixel), the model card gives none</source>
        <translation>{0}: '{1}'은(는) 파일이 아니므로({2} 제공자) 지상 해상도로 렌더링해야 합니다. 모델 카드에 해상도가 없으니 RESOLUTION(픽셀당 미터)을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' over {2} at {3} m would make {4} x {5} px; set a smaller EXTENT or a coarser RESOLUTION</source>
        <translation>{0}: '{1}'을(를) {2} 범위에서 {3} m로 렌더링하면 {4} x {5} 픽셀이 됩니다. 더 작은 EXTENT나 더 거친 RESOLUTION을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot read the layer '{1}' through a raster pipe</source>
        <translation>{0}: 레이어 '{1}'을(를) 래스터 파이프로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: cancelled while rendering '{1}'</source>
        <translation>{0}: '{1}'을(를) 렌더링하는 중에 취소됨</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' failed (writer error {2})</source>
        <translation>{0}: '{1}' 렌더링 실패(쓰기 오류 {2})</translation>
    </message>
    <message>
        <source>cannot measure ground distances in {0} at {1}</source>
        <translation>{0}에서 {1} 위치의 지상 거리를 잴 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: the requested extent does not overlap the layer '{1}'</source>
        <translation>{0}: 요청한 범위가 레이어 '{1}'과(와) 겹치지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has {2} geometries; polygons are needed</source>
        <translation>{0}: 레이어 '{1}'의 도형은 {2}입니다. 폴리곤이 필요합니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' does not end with an extension of its format ({2})</source>
        <translation>{0}: '{1}'의 확장자가 출력 형식의 확장자({2})가 아닙니다</translation>
    </message>
    <message>
        <source>{0} ({1}) is inside the shipped models folder; choose another folder</source>
        <translation>{0} ({1})은(는) 기본 제공 모델 폴더 안에 있습니다. 다른 폴더를 고르십시오</translation>
    </message>
    <message>
        <source>{0} ({1}) is the same file as the input {2} ({3}); writing it would destroy the input. Choose another output name</source>
        <translation>{0} ({1})은(는) 입력 {2} ({3})와(과) 같은 파일입니다. 쓰면 입력이 훼손됩니다. 다른 출력 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0} and {1} are the same file ({2}); give each output its own name</source>
        <translation>{0}와(과) {1}이(가) 같은 파일({2})입니다. 출력마다 다른 이름을 주십시오</translation>
    </message>
    <message>
        <source>{0}: the output path '{1}' contains '|'; choose a name without it</source>
        <translation>{0}: 출력 경로 '{1}'에 '|'가 있습니다. '|'가 없는 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0}: a time series needs at least two rasters</source>
        <translation>{0}: 시계열에는 래스터가 두 개 이상 필요합니다</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>사용자가 취소함</translation>
    </message>
    <message>
        <source>{0}: the zone layer '{1}' has no coordinate reference system, so its coordinates cannot be placed on the raster; set its CRS (Layer Properties &gt; Source) and run again</source>
        <translation>{0}: 구역 레이어 '{1}'에 좌표계가 없어 그 좌표를 래스터 위에 놓을 수 없습니다. 레이어의 좌표계를 지정한 뒤(레이어 속성 &gt; 소스) 다시 실행하세요</translation>
    </message>
    <message>
        <source>{0}: the zones have no field '{1}' (fields: {2})</source>
        <translation>{0}: 구역에 '{1}' 필드가 없습니다 (필드: {2})</translation>
    </message>
    <message>
        <source>{0}: the zone layer has no feature; leave {0} empty for the common footprint</source>
        <translation>{0}: 구역 레이어에 피처가 없습니다. 모든 날짜가 덮는 공통 영역을 쓰려면 {0}을(를) 비워 두십시오</translation>
    </message>
    <message>
        <source>{0}: the zone layer '{1}' has no feature; leave {0} empty for a grid of cells</source>
        <translation>{0}: 구역 레이어 '{1}'에 피처가 없습니다. 격자 셀로 집계하려면 {0}을(를) 비워 두세요</translation>
    </message>
    <message>
        <source>WINDOW_SIZE splits one large raster: give exactly one file as INPUTS</source>
        <translation>WINDOW_SIZE는 큰 래스터 하나를 나눕니다: INPUTS에 파일을 정확히 하나만 지정하세요</translation>
    </message>
    <message>
        <source>OUTPUT_TABLE: the combined table is a GeoPackage (.gpkg), got {table}</source>
        <translation>OUTPUT_TABLE: 통합 표는 GeoPackage(.gpkg)여야 하는데 {table}입니다</translation>
    </message>
    <message>
        <source>ZONES: the layer '{0}' is not saved in a file ({1}); save it as a GeoPackage and give its path or its name</source>
        <translation>ZONES: 레이어 '{0}'은(는) 파일로 저장되어 있지 않습니다 ({1}). GeoPackage로 저장한 뒤 그 경로나 이름을 지정하세요</translation>
    </message>
    <message>
        <source>{0} needs {1}: population figures belong to zones, not to grid cells</source>
        <translation>{0}에는 {1}이(가) 필요합니다: 인구 수치는 격자 셀이 아니라 구역에 속합니다</translation>
    </message>
    <message>
        <source>OUTPUT_RASTER is a raster of grid cells; with ZONES there is no grid: leave OUTPUT_RASTER empty</source>
        <translation>OUTPUT_RASTER는 격자 래스터인데 ZONES를 쓰면 격자가 없습니다: OUTPUT_RASTER를 비워 두세요</translation>
    </message>
    <message>
        <source>a detection model gives boxes: set OUTPUT_VECTOR (TEMPORARY_OUTPUT for a temporary layer)</source>
        <translation>탐지 모델은 상자를 출력합니다: OUTPUT_VECTOR를 지정하세요 (임시 레이어는 TEMPORARY_OUTPUT)</translation>
    </message>
    <message>
        <source>{0} describe(s) a model without a card: set MODEL_TYPE too ({1})</source>
        <translation>{0}은(는) 카드 없는 모델을 설명합니다: MODEL_TYPE도 지정하세요 ({1})</translation>
    </message>
    <message>
        <source>model '{card_name}' takes {0} inputs ({1}); run it with a tool made for it (two-date models: satimpact:floodchange)</source>
        <translation>모델 '{card_name}'은(는) 입력 {0}개({1})를 받습니다. 전용 도구로 실행하세요 (두 날짜 모델: satimpact:floodchange)</translation>
    </message>
    <message>
        <source>the graph does not fix its number of input channels: set BANDS (e.g. 1,2,3)</source>
        <translation>그래프에 입력 채널 수가 정해져 있지 않습니다: BANDS를 지정하세요 (예: 1,2,3)</translation>
    </message>
    <message>
        <source>a {kind} model gives a raster: set OUTPUT</source>
        <translation>{kind} 모델은 래스터를 출력합니다: OUTPUT을 지정하세요</translation>
    </message>
    <message>
        <source>a recognition model compares tiles with a query image: set QUERY_IMAGE</source>
        <translation>인식(recognition) 모델은 타일을 질의 영상과 비교합니다: QUERY_IMAGE를 지정하세요</translation>
    </message>
    <message>
        <source>BANDS asks for band {0}, but the raster has only {info_count} band(s)</source>
        <translation>BANDS가 밴드 {0}을(를) 요구하지만 래스터에는 밴드가 {info_count}개뿐입니다</translation>
    </message>
    <message>
        <source>{exc}; or state its essentials with the advanced parameters MODEL_TYPE, TILE_SIZE, SCALE, BANDS... (see the help)</source>
        <translation>{exc}. 또는 고급 매개변수 MODEL_TYPE, TILE_SIZE, SCALE, BANDS 등으로 핵심 정보를 지정하세요 (도움말 참고)</translation>
    </message>
    <message>
        <source>give either INPUT (a chip folder) or RASTER + POLYGONS + CLUSTER_FIELD, not both</source>
        <translation>INPUT(칩 폴더)과 RASTER + POLYGONS + CLUSTER_FIELD 중 하나만 지정하세요</translation>
    </message>
    <message>
        <source>no chips given: set INPUT (a folder with one subfolder of chips per cluster) or RASTER, POLYGONS and CLUSTER_FIELD</source>
        <translation>칩이 없습니다: INPUT(클러스터마다 칩 하위 폴더가 있는 폴더) 또는 RASTER, POLYGONS, CLUSTER_FIELD를 지정하세요</translation>
    </message>
    <message>
        <source>CHIP_SIZE (metres) is needed to cut chips from RASTER</source>
        <translation>RASTER에서 칩을 자르려면 CHIP_SIZE(미터)가 필요합니다</translation>
    </message>
    <message>
        <source>CLUSTER_FIELD: the polygons have no field '{field}' (fields: {0})</source>
        <translation>CLUSTER_FIELD: 폴리곤에 '{field}' 필드가 없습니다 (필드: {0})</translation>
    </message>
    <message>
        <source>LABEL_FIELD: the points have no field '{label}' (fields: {0})</source>
        <translation>LABEL_FIELD: 지점에 '{label}' 필드가 없습니다 (필드: {0})</translation>
    </message>
    <message>
        <source>BAND_MAP is {0} characters long; a band mapping is at most 10000</source>
        <translation>BAND_MAP 길이가 {0}자입니다. 밴드 매핑은 최대 10000자입니다</translation>
    </message>
    <message>
        <source>band '{name}' is missing: the raster has {band_count} band(s), descriptions: {listed}; assumed layout: {assumed}. Pass BAND_MAP, e.g. {name}=&lt;band number&gt;</source>
        <translation>밴드 '{name}'이(가) 없습니다: 래스터 밴드 {band_count}개, 밴드 설명: {listed}, 추정한 배열: {assumed}. BAND_MAP을 지정하세요 (예: {name}=&lt;밴드 번호&gt;)</translation>
    </message>
    <message>
        <source>the model is made for {sensor} imagery, but the raster looks like {0} ({matcher_layout_source}); pass BAND_MAP if that guess is wrong</source>
        <translation>모델은 {sensor} 영상용인데 래스터는 {0}({matcher_layout_source})로 보입니다. 이 추정이 틀렸다면 BAND_MAP을 지정하세요</translation>
    </message>
    <message>
        <source>BAND_MAP entry '{part}' is neither NAME=NUMBER nor a known layout ({0})</source>
        <translation>BAND_MAP 항목 '{part}'은(는) NAME=NUMBER 형식도, 알려진 밴드 배열({0})도 아닙니다</translation>
    </message>
    <message>
        <source>BAND_MAP entry '{part}' has no band name before '='</source>
        <translation>BAND_MAP 항목 '{part}'의 '=' 앞에 밴드 이름이 없습니다</translation>
    </message>
    <message>
        <source>BAND_MAP entry '{part}': '{number}' is not a band number (1-based)</source>
        <translation>BAND_MAP 항목 '{part}': '{number}'은(는) 밴드 번호(1부터 시작)가 아닙니다</translation>
    </message>
    <message>
        <source>BAND_MAP entry '{part}': band numbers start at 1</source>
        <translation>BAND_MAP 항목 '{part}': 밴드 번호는 1부터 시작합니다</translation>
    </message>
    <message>
        <source>BAND_MAP names '{name}' twice ('{0}' and '{part}'); give each band once</source>
        <translation>BAND_MAP에 '{name}'이(가) 두 번 있습니다 ('{0}', '{part}'). 밴드마다 한 번만 지정하세요</translation>
    </message>
    <message>
        <source>BAND_MAP gives band {index} two names ('{twin}' and '{part}'); each name needs its own band</source>
        <translation>BAND_MAP이 밴드 {index}에 이름 두 개('{twin}', '{part}')를 줍니다. 이름마다 다른 밴드가 필요합니다</translation>
    </message>
    <message>
        <source>BAND_MAP says the raster is {0}, but it has only {band_count} band(s)</source>
        <translation>BAND_MAP은 래스터가 {0}(이)라고 하지만 래스터에는 밴드가 {band_count}개뿐입니다</translation>
    </message>
    <message>
        <source>BAND_MAP maps '{name}' to band {index}, but the raster has only {band_count} band(s)</source>
        <translation>BAND_MAP이 '{name}'을(를) 밴드 {index}에 매핑하지만 래스터에는 밴드가 {band_count}개뿐입니다</translation>
    </message>
    <message>
        <source>BAND_MAP names two layouts, '{layout}' and '{key}'; a raster has one layout: keep one</source>
        <translation>BAND_MAP에 밴드 배열이 두 개('{layout}', '{key}') 있습니다. 래스터의 배열은 하나이니 하나만 남기세요</translation>
    </message>
    <message>
        <source>INPUTS: no input given (files, a folder, folder/*.tif or a CSV of before,after pairs)</source>
        <translation>INPUTS: 입력이 없습니다 (파일, 폴더, folder/*.tif 또는 before,after 쌍의 CSV)</translation>
    </message>
    <message>
        <source>INPUTS: floodchange runs on pairs: give a CSV with columns before,after</source>
        <translation>INPUTS: floodchange는 영상 쌍으로 실행됩니다: before,after 열이 있는 CSV를 주세요</translation>
    </message>
    <message>
        <source>this water run thresholds each scene by its own histogram (AUTO_THRESHOLD, or the radar model's default): windows would each get their own threshold; give THRESHOLD to split the raster</source>
        <translation>이 수체 탐지는 영상마다 자체 히스토그램으로 임계값을 정합니다 (AUTO_THRESHOLD 또는 레이더 모델의 기본값): 창마다 임계값이 달라지므로, 래스터를 나누려면 THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>floodchange runs on before,after pairs (a CSV with columns before,after)</source>
        <translation>floodchange는 before,after 쌍으로 실행됩니다 (before,after 열이 있는 CSV)</translation>
    </message>
    <message>
        <source>INPUTS: no items to run</source>
        <translation>INPUTS: 실행할 항목이 없습니다</translation>
    </message>
    <message>
        <source>--split with runmodel needs MODEL</source>
        <translation>runmodel에 --split을 쓰려면 MODEL이 필요합니다</translation>
    </message>
    <message>
        <source>PARAMETERS: JSON must be an object such as {"MODEL": "water_ndwi"}</source>
        <translation>PARAMETERS: JSON은 {"MODEL": "water_ndwi"} 같은 객체여야 합니다</translation>
    </message>
    <message>
        <source>TOOL: unknown tool '{name}'; one of {0}</source>
        <translation>TOOL: 알 수 없는 도구 '{name}'. 다음 중 하나: {0}</translation>
    </message>
    <message>
        <source>PARAMETERS: {0} not taken by {tool}; it takes {1}</source>
        <translation>PARAMETERS: {tool}은(는) {0}을(를) 받지 않습니다. 받는 매개변수: {1}</translation>
    </message>
    <message>
        <source>PARAMETERS: THRESHOLD_METHOD is otsu or ki, got '{method}'</source>
        <translation>PARAMETERS: THRESHOLD_METHOD는 otsu 또는 ki여야 하는데 '{method}'입니다</translation>
    </message>
    <message>
        <source>INPUTS: folder not found: {folder}</source>
        <translation>INPUTS: 폴더를 찾을 수 없습니다: {folder}</translation>
    </message>
    <message>
        <source>INPUTS: no file in {folder} matches '{pattern}'</source>
        <translation>INPUTS: {folder}에 '{pattern}'과(와) 맞는 파일이 없습니다</translation>
    </message>
    <message>
        <source>INPUTS: {csv_path} holds no before,after pair</source>
        <translation>INPUTS: {csv_path}에 before,after 쌍이 없습니다</translation>
    </message>
    <message>
        <source>window size must be positive and overlap zero or more (got {size}, {overlap})</source>
        <translation>창 크기는 양수, 중첩은 0 이상이어야 합니다 (받은 값: {size}, {overlap})</translation>
    </message>
    <message>
        <source>INPUTS: file(s) not found: {0}</source>
        <translation>INPUTS: 파일을 찾을 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{source}: cannot cut window {window_read}</source>
        <translation>{source}: 창 {window_read}을(를) 자를 수 없습니다</translation>
    </message>
    <message>
        <source>{path} has no coordinate reference system</source>
        <translation>{path}에 좌표계가 없습니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is a {kind} model; the batch runs models whose output is the model's own raster (carded SatImpact models, regression); run this one with satimpact:runmodel</source>
        <translation>모델 '{card_name}'은(는) {kind} 모델입니다. 일괄 처리는 모델 자체의 래스터를 출력하는 모델(카드가 있는 SatImpact 모델, 회귀)만 실행합니다. 이 모델은 satimpact:runmodel로 실행하세요</translation>
    </message>
    <message>
        <source>model '{card_name}' takes {0} inputs; run it with a tool made for it (two-date models: floodchange)</source>
        <translation>모델 '{card_name}'은(는) 입력 {0}개를 받습니다. 전용 도구로 실행하세요 (두 날짜 모델: floodchange)</translation>
    </message>
    <message>
        <source>{tool} uses statistics of the whole scene and cannot be split into windows</source>
        <translation>{tool}은(는) 영상 전체의 통계를 쓰므로 창으로 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>OUTPUT_FOLDER {output_folder} holds inputs of the batch ({0}...): write the outputs to a folder of their own</source>
        <translation>OUTPUT_FOLDER {output_folder}에 일괄 처리의 입력({0}...)이 있습니다: 출력은 별도 폴더에 쓰세요</translation>
    </message>
    <message>
        <source>cannot build {path}: {0}</source>
        <translation>{path}을(를) 만들 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>PARAMETERS: {key} must be a number, got '{value}'</source>
        <translation>PARAMETERS: {key}는 숫자여야 하는데 '{value}'입니다</translation>
    </message>
    <message>
        <source>INPUTS: {csv_path} row {n}: expected before,after, got {row}</source>
        <translation>INPUTS: {csv_path} {n}행: before,after가 와야 하는데 {row}입니다</translation>
    </message>
    <message>
        <source>the tool finished without writing {0}</source>
        <translation>도구가 {0}을(를) 쓰지 않고 끝났습니다</translation>
    </message>
    <message>
        <source>SCHEDULER: the workers cannot import '{package}' ({0}: {exc}); start them with PYTHONPATH={1} (the folder that holds the 'satimpact' link)</source>
        <translation>SCHEDULER: 워커가 '{package}'을(를) 가져올 수 없습니다 ({0}: {exc}). PYTHONPATH={1}('satimpact' 링크가 있는 폴더)로 워커를 시작하세요</translation>
    </message>
    <message>
        <source>PARAMETERS: not valid JSON ({exc})</source>
        <translation>PARAMETERS: 올바른 JSON이 아닙니다 ({exc})</translation>
    </message>
    <message>
        <source>PARAMETERS: '{part}' is not KEY=VALUE (e.g. MODEL=water_ndwi,THRESHOLD=0.1)</source>
        <translation>PARAMETERS: '{part}'은(는) KEY=VALUE 형식이 아닙니다 (예: MODEL=water_ndwi,THRESHOLD=0.1)</translation>
    </message>
    <message>
        <source>INPUTS: a CSV of before,after pairs is for floodchange, not {tool}</source>
        <translation>INPUTS: before,after 쌍의 CSV는 {tool}이 아니라 floodchange용입니다</translation>
    </message>
    <message>
        <source>SCHEDULER: cannot reach the Dask scheduler at {scheduler} ({exc})</source>
        <translation>SCHEDULER: {scheduler}의 Dask 스케줄러에 연결할 수 없습니다 ({exc})</translation>
    </message>
    <message>
        <source>cannot write {tif}: {0}</source>
        <translation>{tif}을(를) 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{path} is not a readable manifest ({exc}); move it away to start afresh</source>
        <translation>{path}은(는) 읽을 수 있는 매니페스트가 아닙니다 ({exc}). 새로 시작하려면 다른 곳으로 옮기세요</translation>
    </message>
    <message>
        <source>{0}: {1} changed after the batch started; run the batch again to count in the new zones</source>
        <translation>{0}: 배치가 시작된 뒤 {1}이(가) 바뀌었습니다. 새 구역으로 집계하려면 배치를 다시 실행하세요</translation>
    </message>
    <message>
        <source>model '{name}' has no input named '{name_1}'</source>
        <translation>모델 '{name}'에 '{name_1}'이라는 입력이 없습니다</translation>
    </message>
    <message>
        <source>{where}: required field '{key}' is missing</source>
        <translation>{where}: 필수 필드 '{key}'이(가) 없습니다</translation>
    </message>
    <message>
        <source>{where}: field '{key}' must be {names}, got {value!r}</source>
        <translation>{where}: 필드 '{key}'은(는) {names}여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{where}: field '{key}' must be a list of numbers, got {value!r}</source>
        <translation>{where}: 필드 '{key}'은(는) 숫자 목록이어야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{where}: field '{key}' has {0} values, expected {length}</source>
        <translation>{where}: 필드 '{key}'의 값이 {0}개입니다. {length}개여야 합니다</translation>
    </message>
    <message>
        <source>{origin}: the {what} must be JSON text, got {0}</source>
        <translation>{origin}: {what}은(는) JSON 텍스트여야 하는데 {0}입니다</translation>
    </message>
    <message>
        <source>{origin}: the {what} is {0} bytes long; at most {MAX_CARD_BYTES} are read</source>
        <translation>{origin}: {what}의 길이가 {0}바이트입니다. 최대 {MAX_CARD_BYTES}바이트까지 읽습니다</translation>
    </message>
    <message>
        <source>{origin}: the {what} is nested too deeply (at most {MAX_JSON_DEPTH} levels)</source>
        <translation>{origin}: {what}의 중첩이 너무 깊습니다 (최대 {MAX_JSON_DEPTH}단계)</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a number, got {value!r}</source>
        <translation>{where}: '{key}'은(는) 숫자여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a finite number from {low:g} to {high:g}, got {value!r}</source>
        <translation>{where}: '{key}'은(는) {low:g}에서 {high:g} 사이의 유한한 숫자여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{origin}: the card must be a JSON object, got {0}</source>
        <translation>{origin}: 카드는 JSON 객체여야 하는데 {0}입니다</translation>
    </message>
    <message>
        <source>{where}: must be a JSON object, got {0}</source>
        <translation>{where}: JSON 객체여야 하는데 {0}입니다</translation>
    </message>
    <message>
        <source>{where}: nested too deeply (at most {MAX_JSON_DEPTH} levels)</source>
        <translation>{where}: 중첩이 너무 깊습니다 (최대 {MAX_JSON_DEPTH}단계)</translation>
    </message>
    <message>
        <source>{where}: required field 'card_version' is missing</source>
        <translation>{where}: 필수 필드 'card_version'이 없습니다</translation>
    </message>
    <message>
        <source>{where}: card_version {version!r} is not supported (this SatImpact reads version {0})</source>
        <translation>{where}: card_version {version!r}은(는) 지원하지 않습니다 (이 SatImpact는 버전 {0}을(를) 읽습니다)</translation>
    </message>
    <message>
        <source>{where}: 'name' must be 1 to 200 characters, got {0}</source>
        <translation>{where}: 'name'은 1~200자여야 하는데 {0}자입니다</translation>
    </message>
    <message>
        <source>{where}: task '{task}' is unknown (expected one of {0})</source>
        <translation>{where}: 알 수 없는 task '{task}' (다음 중 하나여야 합니다: {0})</translation>
    </message>
    <message>
        <source>{where}: model_type '{model_type}' is unknown (expected dense or chip)</source>
        <translation>{where}: 알 수 없는 model_type '{model_type}' (dense 또는 chip이어야 합니다)</translation>
    </message>
    <message>
        <source>{iw}: must be an object</source>
        <translation>{iw}: 객체여야 합니다</translation>
    </message>
    <message>
        <source>{iw}: 'bands' must be a non-empty list of band names</source>
        <translation>{iw}: 'bands'는 비어 있지 않은 밴드 이름 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{iw}: 'bands' lists {0} bands; at most {MAX_BANDS}</source>
        <translation>{iw}: 'bands'에 밴드가 {0}개 있습니다. 최대 {MAX_BANDS}개입니다</translation>
    </message>
    <message>
        <source>{iw}: 'mean' and 'std' must be given together</source>
        <translation>{iw}: 'mean'과 'std'는 함께 지정해야 합니다</translation>
    </message>
    <message>
        <source>{iw}: every 'std' value must be positive</source>
        <translation>{iw}: 'std' 값은 모두 양수여야 합니다</translation>
    </message>
    <message>
        <source>{iw}: 'clip' must be [low, high] with low &lt; high</source>
        <translation>{iw}: 'clip'은 low &lt; high인 [low, high]여야 합니다</translation>
    </message>
    <message>
        <source>{iw}: 'scale' must not be 0 (every pixel would be the same value)</source>
        <translation>{iw}: 'scale'은 0일 수 없습니다 (모든 픽셀이 같은 값이 됩니다)</translation>
    </message>
    <message>
        <source>{iw}: 'resolution_m' must be [finest, coarsest] metres, both positive, got {resolution_m}</source>
        <translation>{iw}: 'resolution_m'은 둘 다 양수인 [가장 세밀, 가장 거침] 미터여야 하는데 {resolution_m}입니다</translation>
    </message>
    <message>
        <source>{iw}: 'sensor' must be text, got {sensor!r}</source>
        <translation>{iw}: 'sensor'는 텍스트여야 하는데 {sensor!r}입니다</translation>
    </message>
    <message>
        <source>{where} tiling: tile_size must be from {0} to {1} px, got {tile_size}</source>
        <translation>{where} 타일링: tile_size는 {0}~{1} 픽셀이어야 하는데 {tile_size}입니다</translation>
    </message>
    <message>
        <source>{where} tiling: overlap must be a whole number of pixels below half the tile ({tile_size} px), got {overlap!r}</source>
        <translation>{where} 타일링: overlap은 타일({tile_size} 픽셀)의 절반보다 작은 정수 픽셀이어야 하는데 {overlap!r}입니다</translation>
    </message>
    <message>
        <source>{where} tiling: merge '{merge}' is unknown (expected none, crop or blend)</source>
        <translation>{where} 타일링: 알 수 없는 merge '{merge}' (none, crop, blend 중 하나여야 합니다)</translation>
    </message>
    <message>
        <source>{where} tiling: chip models score whole chips; overlap must be 0</source>
        <translation>{where} 타일링: 칩 모델은 칩 전체에 점수를 매기므로 overlap은 0이어야 합니다</translation>
    </message>
    <message>
        <source>{ow}: '{key}' must be a list of strings</source>
        <translation>{ow}: '{key}'은(는) 문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{ow}: must be an object</source>
        <translation>{ow}: 객체여야 합니다</translation>
    </message>
    <message>
        <source>{ow}: kind '{kind}' is unknown (expected one of {0})</source>
        <translation>{ow}: 알 수 없는 kind '{kind}' (다음 중 하나여야 합니다: {0})</translation>
    </message>
    <message>
        <source>{ow}: 'class_names' lists {0} classes; at most {MAX_CLASSES}</source>
        <translation>{ow}: 'class_names'에 클래스가 {0}개 있습니다. 최대 {MAX_CLASSES}개입니다</translation>
    </message>
    <message>
        <source>{where}: 'inputs' is empty; a model needs at least one input</source>
        <translation>{where}: 'inputs'가 비어 있습니다. 모델에는 입력이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>{where}: input names repeat: {names}</source>
        <translation>{where}: 입력 이름이 중복됩니다: {names}</translation>
    </message>
    <message>
        <source>{where}: 'outputs' is empty</source>
        <translation>{where}: 'outputs'가 비어 있습니다</translation>
    </message>
    <message>
        <source>{where}: 'metrics' must be a list of objects</source>
        <translation>{where}: 'metrics'는 객체 목록이어야 합니다</translation>
    </message>
    <message>
        <source>{where}: 'extra' must be an object</source>
        <translation>{where}: 'extra'는 객체여야 합니다</translation>
    </message>
    <message>
        <source>{where}: must be an object like {{"ramp": "Viridis", "min": 0, "max": 1}}</source>
        <translation>{where}: {{"ramp": "Viridis", "min": 0, "max": 1}} 같은 객체여야 합니다</translation>
    </message>
    <message>
        <source>{where}: 'ramp' must be the name of a colour ramp, got {0!r}</source>
        <translation>{where}: 'ramp'는 색상표 이름이어야 하는데 {0!r}입니다</translation>
    </message>
    <message>
        <source>{where}: 'min' ({low:g}) must be below 'max' ({high:g})</source>
        <translation>{where}: 'min'({low:g})은 'max'({high:g})보다 작아야 합니다</translation>
    </message>
    <message>
        <source>{where}: 'tiles_overlap' must be a percentage from 0 to below 100, got {overlap_pct!r}</source>
        <translation>{where}: 'tiles_overlap'은 0 이상 100 미만의 백분율이어야 하는데 {overlap_pct!r}입니다</translation>
    </message>
    <message>
        <source>{where}: 'tile_size' must be from {0} to {1} px, got {tile_size}</source>
        <translation>{where}: 'tile_size'는 {0}~{1} 픽셀이어야 하는데 {tile_size}입니다</translation>
    </message>
    <message>
        <source>{where}: model_type '{model_type}' is not supported (SatImpact runs Deepness Segmentor, Regressor and Recognition models, not detectors)</source>
        <translation>{where}: model_type '{model_type}'은(는) 지원하지 않습니다 (SatImpact는 Deepness의 Segmentor, Regressor, Recognition 모델을 실행하며 탐지기는 실행하지 않습니다)</translation>
    </message>
    <message>
        <source>{parameter} must be from {low:g} to {high:g} for the {out_kind} of model '{card_name}' (its default is {0}), got {value}</source>
        <translation>모델 '{card_name}'의 {out_kind}에 대해 {parameter}은(는) {low:g}~{high:g}여야 하는데 {value}입니다 (기본값 {0})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{origin}: the {what} is not valid JSON: {exc}</source>
        <translation>{origin}: {what}은(는) 올바른 JSON이 아닙니다: {exc}</translation>
    </message>
    <message>
        <source>{where}: '{key}' is out of range ({low:g} to {high:g})</source>
        <translation>{where}: '{key}'이(가) 범위({low:g}~{high:g})를 벗어났습니다</translation>
    </message>
    <message>
        <source>{where}: field '{key}' must be text</source>
        <translation>{where}: 필드 '{key}'은(는) 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>{where}: '{key}' is {0} bytes long; at most {MAX_CARD_BYTES} are read</source>
        <translation>{where}: '{key}'의 길이가 {0}바이트입니다. 최대 {MAX_CARD_BYTES}바이트까지 읽습니다</translation>
    </message>
    <message>
        <source>{where}: a value cannot be read ({0}: {exc})</source>
        <translation>{where}: 값을 읽을 수 없습니다 ({0}: {exc})</translation>
    </message>
    <message>
        <source>{where}: 'tile_size' is missing or not a number</source>
        <translation>{where}: 'tile_size'가 없거나 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>model '{card_name}' (task {card_task}, inputs {0}) fits neither way this tool runs models: a water model (task 'water', one input) is run on each date, a change model has the two inputs 'before' and 'after'</source>
        <translation>모델 '{card_name}'(task {card_task}, 입력 {0})은(는) 이 도구가 모델을 실행하는 어느 방식에도 맞지 않습니다: 수체 모델(task 'water', 입력 하나)은 날짜마다 실행하고, 변화 모델은 'before'와 'after' 두 입력을 받습니다</translation>
    </message>
    <message>
        <source>model '{card_name}': output kind '{out_kind}' cannot be mapped to flood change classes; a change model gives a class (with class_names) or a probability (of new flood, or one per named class)</source>
        <translation>모델 '{card_name}': 출력 종류 '{out_kind}'은(는) 홍수 변화 클래스로 매핑할 수 없습니다. 변화 모델은 클래스(class_names와 함께) 또는 확률(신규 침수 확률, 또는 이름 붙은 클래스마다 하나)을 출력해야 합니다</translation>
    </message>
    <message>
        <source>{role}: the raster {path} has no coordinate reference system; assign one first</source>
        <translation>{role}: 래스터 {path}에 좌표계가 없습니다. 먼저 좌표계를 지정하세요</translation>
    </message>
    <message>
        <source>BEFORE: the raster {before_path} has a rotated grid; warp it to a north-up grid first</source>
        <translation>BEFORE: 래스터 {before_path}의 격자가 회전되어 있습니다. 먼저 북쪽이 위인 격자로 재투영하세요</translation>
    </message>
    <message>
        <source>no shipped water model found (looked for {0} in the models folder); rebuild them with `make models`</source>
        <translation>기본 제공 수체 모델이 없습니다 (models 폴더에서 {0}을(를) 찾았습니다). `make models`로 다시 만드세요</translation>
    </message>
    <message>
        <source>{role}: model '{card_name}' is not a one-input water model (task '{card_task}')</source>
        <translation>{role}: 모델 '{card_name}'은(는) 입력이 하나인 수체 모델이 아닙니다 (task '{card_task}')</translation>
    </message>
    <message>
        <source>model '{card_name}' has no default threshold in its card; a water model needs one</source>
        <translation>모델 '{card_name}'의 카드에 기본 임계값이 없습니다. 수체 모델에는 기본 임계값이 필요합니다</translation>
    </message>
    <message>
        <source>model '{card_name}': card extra change_rule '{rule}' is unknown (log_ratio or learned)</source>
        <translation>모델 '{card_name}': 카드 extra의 change_rule '{rule}'을(를) 알 수 없습니다 (log_ratio 또는 learned)</translation>
    </message>
    <message>
        <source>DAMAGE_THRESHOLD is a share of the cell between 0 and 1, got {damage_threshold}</source>
        <translation>DAMAGE_THRESHOLD는 0과 1 사이의 격자 비율이어야 하는데 {damage_threshold}입니다</translation>
    </message>
    <message>
        <source>CELL_SIZE must be a positive number of metres, got {cell_size!r}</source>
        <translation>CELL_SIZE는 양수(미터)여야 하는데 {cell_size!r}입니다</translation>
    </message>
    <message>
        <source>model '{cm_card_name}': decision_band '{band_name}' is not one of {names}</source>
        <translation>모델 '{cm_card_name}': decision_band '{band_name}'은(는) {names} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>cancelled by the user; no output was written</source>
        <translation>사용자가 취소했습니다. 출력은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>model '{model_name}': class '{raw}' cannot be mapped to a flood change class; name the classes in the card's class_names as one of ({known})</source>
        <translation>모델 '{model_name}': 클래스 '{raw}'을(를) 홍수 변화 클래스로 매핑할 수 없습니다. 카드의 class_names에서 클래스 이름을 다음 중 하나로 지정하세요 ({known})</translation>
    </message>
    <message>
        <source>{role}: cannot open raster {path}: {exc}</source>
        <translation>{role}: 래스터 {path}을(를) 열 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>AFTER ({after_path}, {0}) cannot be transformed into BEFORE's CRS {1}: {exc}</source>
        <translation>AFTER({after_path}, {0})를 BEFORE의 좌표계 {1}(으)로 변환할 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>model '{card_name}': a log-ratio model must give a value per pixel (model_type dense)</source>
        <translation>모델 '{card_name}': 로그 비율 모델은 픽셀마다 값을 출력해야 합니다 (model_type dense)</translation>
    </message>
    <message>
        <source>model '{card_name}': a class output needs class_names in the card to be mapped to the flood change classes</source>
        <translation>모델 '{card_name}': 클래스 출력을 홍수 변화 클래스로 매핑하려면 카드에 class_names가 있어야 합니다</translation>
    </message>
    <message>
        <source>model '{card_name}': a class output must have one channel of class indices</source>
        <translation>모델 '{card_name}': 클래스 출력은 클래스 번호 채널 하나여야 합니다</translation>
    </message>
    <message>
        <source>model '{card_name}': a probability output with several channels needs one class name per channel</source>
        <translation>모델 '{card_name}': 채널이 여러 개인 확률 출력에는 채널마다 클래스 이름이 필요합니다</translation>
    </message>
    <message>
        <source>BEFORE and AFTER overlap, but no pixel of the overlap has data in both scenes ({0} gave nodata everywhere); nothing to compare</source>
        <translation>BEFORE와 AFTER가 겹치지만 겹치는 부분에 두 영상 모두 값이 있는 픽셀이 없습니다 ({0}이(가) 모든 곳에서 NoData를 냈습니다). 비교할 것이 없습니다</translation>
    </message>
    <message>
        <source>the models</source>
        <translation>모델들</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>the shipped model {name} is missing; rebuild the models (`make models`)</source>
        <translation>기본 제공 모델 {name}이(가) 없습니다. 모델을 다시 만드세요 (`make models`)</translation>
    </message>
    <message>
        <source>model '{card_name}' is not a floating-debris model (task 'debris' with outputs fdi, ndvi)</source>
        <translation>모델 '{card_name}'은(는) 부유 쓰레기 모델(task 'debris', 출력 fdi, ndvi)이 아닙니다</translation>
    </message>
    <message>
        <source>model '{water_model_card_name}' is not a water model</source>
        <translation>모델 '{water_model_card_name}'은(는) 수체 모델이 아닙니다</translation>
    </message>
    <message>
        <source>model '{card_name}': the cloud test needs 'red' as the first band of the card</source>
        <translation>모델 '{card_name}': 구름 검사를 하려면 카드의 첫 밴드가 'red'여야 합니다</translation>
    </message>
    <message>
        <source>water model '{wcard_name}' gives no default threshold in its card</source>
        <translation>수체 모델 '{wcard_name}'의 카드에 기본 임계값이 없습니다</translation>
    </message>
    <message>
        <source>model '{model_card_name}': rule '{key}' in the card must be a number, got {value!r}</source>
        <translation>모델 '{model_card_name}': 카드의 규칙 '{key}'은(는) 숫자여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{where}: '{key}' is not a finite number</source>
        <translation>{where}: '{key}'이(가) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>class_names: cannot read {d!r}</source>
        <translation>class_names: {d!r}을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{where}: model_type {0!r} is unknown (Deepness types: {1})</source>
        <translation>{where}: 알 수 없는 model_type {0!r} (Deepness 유형: {1})</translation>
    </message>
    <message>
        <source>{origin}: Deepness models must have exactly one input</source>
        <translation>{origin}: Deepness 모델은 입력이 정확히 하나여야 합니다</translation>
    </message>
    <message>
        <source>{where}: tile_size {tile} px but the graph's input is fixed at {fixed} px</source>
        <translation>{where}: tile_size는 {tile} 픽셀인데 그래프 입력은 {fixed} 픽셀로 고정되어 있습니다</translation>
    </message>
    <message>
        <source>{where}: '{key}' is not a number ({0!r})</source>
        <translation>{where}: '{key}'이(가) 숫자가 아닙니다 ({0!r})</translation>
    </message>
    <message>
        <source>output '{spec_name}' does not fix its number of channels; cannot tell its classes apart</source>
        <translation>출력 '{spec_name}'의 채널 수가 정해져 있지 않아 클래스를 구분할 수 없습니다</translation>
    </message>
    <message>
        <source>the probability raster has {src_count} bands, the model's heads give {expected}</source>
        <translation>확률 래스터의 밴드는 {src_count}개인데 모델 헤드는 {expected}개를 출력합니다</translation>
    </message>
    <message>
        <source>the rotated-box output has no class scores (expected 4 + classes + angle per box)</source>
        <translation>회전 상자 출력에 클래스 점수가 없습니다 (상자마다 4 + 클래스 수 + 각도가 필요합니다)</translation>
    </message>
    <message>
        <source>the detector's output has no class scores (expected 4 + classes values per box)</source>
        <translation>탐지기 출력에 클래스 점수가 없습니다 (상자마다 4 + 클래스 수만큼의 값이 필요합니다)</translation>
    </message>
    <message>
        <source>the instance-mask output has {0} values per box; with {coefficients} mask coefficients (the prototypes' channels) and {classes_count} classes it needs {1}</source>
        <translation>인스턴스 마스크 출력의 상자당 값이 {0}개입니다. 마스크 계수 {coefficients}개(프로토타입 채널)와 클래스 {classes_count}개라면 {1}개가 필요합니다</translation>
    </message>
    <message>
        <source>det_type '{det_type}' is unknown (expected one of {known})</source>
        <translation>알 수 없는 det_type '{det_type}' (다음 중 하나여야 합니다: {known})</translation>
    </message>
    <message>
        <source>the detector's output has shape {0}; expected (batch, boxes, values) or (batch, values, boxes)</source>
        <translation>탐지기 출력의 형태가 {0}입니다. (batch, boxes, values) 또는 (batch, values, boxes)여야 합니다</translation>
    </message>
    <message>
        <source>the detector's output has {0} values per box; YOLOv5-style needs 5 + classes</source>
        <translation>탐지기 출력의 상자당 값이 {0}개입니다. YOLOv5 방식에는 5 + 클래스 수가 필요합니다</translation>
    </message>
    <message>
        <source>detector type {det_type} needs a second output of mask prototypes (batch, m, height, width)</source>
        <translation>탐지기 유형 {det_type}에는 마스크 프로토타입의 두 번째 출력 (batch, m, height, width)이 필요합니다</translation>
    </message>
    <message>
        <source>a grid of {cell_size:g} m cells over this raster has {0} cells; use a larger CELL_SIZE</source>
        <translation>이 래스터 위의 {cell_size:g} m 격자는 {0}개입니다. 더 큰 CELL_SIZE를 쓰세요</translation>
    </message>
    <message>
        <source>model '{card_name}' takes {0} inputs; a green model takes one image</source>
        <translation>모델 '{card_name}'은(는) 입력 {0}개를 받습니다. 녹지 모델은 영상 하나를 받습니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is a {card_model_type} model; a green model gives a value per pixel</source>
        <translation>모델 '{card_name}'은(는) {card_model_type} 모델입니다. 녹지 모델은 픽셀마다 값을 출력합니다</translation>
    </message>
    <message>
        <source>model '{card_name}' has no default threshold on its output '{0}'; a green model's card must say above which value a pixel is vegetation</source>
        <translation>모델 '{card_name}'의 출력 '{0}'에 기본 임계값이 없습니다. 녹지 모델의 카드에는 어떤 값보다 크면 식생인지 적혀 있어야 합니다</translation>
    </message>
    <message>
        <source>no green model fits this raster: NDVI needs red and NIR ({reason}); the RGB model: {exc}</source>
        <translation>이 래스터에 맞는 녹지 모델이 없습니다: NDVI에는 적색과 근적외선이 필요합니다 ({reason}). RGB 모델: {exc}</translation>
    </message>
    <message>
        <source>cannot open raster {raster_path}: {exc}</source>
        <translation>래스터 {raster_path}을(를) 열 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>the raster {raster_path} has no coordinate reference system; assign one first</source>
        <translation>래스터 {raster_path}에 좌표계가 없습니다. 먼저 좌표계를 지정하세요</translation>
    </message>
    <message>
        <source>{what}: the raster declares {width} x {height} px; it holds no pixels</source>
        <translation>{what}: 래스터 크기가 {width} x {height} 픽셀로 되어 있어 픽셀이 없습니다</translation>
    </message>
    <message>
        <source>{what}: the raster declares {width:,} x {height:,} px ({0:.2e} px); SatImpact processes at most {MAX_PIXELS:.0e} px in one run. Is the header right? Otherwise cut it into parts (EXTENT) and run each</source>
        <translation>{what}: 래스터 크기가 {width:,} x {height:,} 픽셀({0:.2e} 픽셀)로 되어 있습니다. SatImpact는 한 번에 최대 {MAX_PIXELS:.0e} 픽셀을 처리합니다. 헤더가 맞나요? 맞다면 여러 부분(EXTENT)으로 나눠 각각 실행하세요</translation>
    </message>
    <message>
        <source>{what} would need about {0} of memory ({detail}), more than the limit of {1} (half of this machine's {2}). Use a model with smaller tiles, a smaller EXTENT, or raise the limit with the environment variable SATIMPACT_MEMORY_LIMIT_MB</source>
        <translation>{what}에는 메모리가 약 {0} 필요합니다 ({detail}). 한도 {1}(이 컴퓨터 {2}의 절반)보다 큽니다. 타일이 더 작은 모델이나 더 작은 EXTENT를 쓰거나, 환경 변수 SATIMPACT_MEMORY_LIMIT_MB로 한도를 높이세요</translation>
    </message>
    <message>
        <source>model file not found: {path}</source>
        <translation>모델 파일을 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>{origin}: not a readable ONNX model (the file holds no graph)</source>
        <translation>{origin}: 읽을 수 있는 ONNX 모델이 아닙니다 (파일에 그래프가 없습니다)</translation>
    </message>
    <message>
        <source>{origin}: uses custom operator domain(s) {0}; SatImpact runs only standard ONNX operators (no custom-op libraries, models are data, not code)</source>
        <translation>{origin}: 사용자 정의 연산자 도메인 {0}을(를) 씁니다. SatImpact는 표준 ONNX 연산자만 실행합니다 (사용자 정의 연산 라이브러리 없음. 모델은 코드가 아니라 데이터입니다)</translation>
    </message>
    <message>
        <source>{origin}: the card's inputs {card_inputs} do not match the graph's inputs {0}</source>
        <translation>{origin}: 카드의 입력 {card_inputs}이(가) 그래프의 입력 {0}과(와) 맞지 않습니다</translation>
    </message>
    <message>
        <source>{origin}: not a readable ONNX model ({0}: {exc})</source>
        <translation>{origin}: 읽을 수 있는 ONNX 모델이 아닙니다 ({0}: {exc})</translation>
    </message>
    <message>
        <source>{origin}: has no model card: metadata_props holds neither '{CARD_KEY}' nor Deepness metadata (a known model_type); see docs/model-cards.md</source>
        <translation>{origin}: 모델 카드가 없습니다: metadata_props에 '{CARD_KEY}'도 Deepness 메타데이터(알려진 model_type)도 없습니다. docs/model-cards.md를 참고하세요</translation>
    </message>
    <message>
        <source>{origin}: tensor '{tensor_name}' keeps its data at '{location}', outside the model's folder; refused</source>
        <translation>{origin}: 텐서 '{tensor_name}'의 데이터가 모델 폴더 밖 '{location}'에 있어 거부했습니다</translation>
    </message>
    <message>
        <source>{origin}: tensor '{tensor_name}' keeps its data in '{location}', which is missing</source>
        <translation>{origin}: 텐서 '{tensor_name}'의 데이터가 있어야 할 '{location}'이(가) 없습니다</translation>
    </message>
    <message>
        <source>{origin}: graph input '{spec_name}' must be float32 (ONNX type 1), got type {port_elem_type}</source>
        <translation>{origin}: 그래프 입력 '{spec_name}'은(는) float32(ONNX 유형 1)여야 하는데 유형 {port_elem_type}입니다</translation>
    </message>
    <message>
        <source>{origin}: graph input '{spec_name}' must be 4-D (batch, bands, height, width), got shape {port_shape}</source>
        <translation>{origin}: 그래프 입력 '{spec_name}'은(는) 4차원(batch, bands, height, width)이어야 하는데 형태가 {port_shape}입니다</translation>
    </message>
    <message>
        <source>{origin}: the card lists {0} bands for input '{spec_name}' ({1}) but the graph takes {channels} channels</source>
        <translation>{origin}: 카드는 입력 '{spec_name}'에 밴드 {0}개({1})를 적었지만 그래프는 채널 {channels}개를 받습니다</translation>
    </message>
    <message>
        <source>{origin}: the card describes output '{out_name}' but the graph's outputs are {0}</source>
        <translation>{origin}: 카드는 출력 '{out_name}'을(를) 설명하지만 그래프의 출력은 {0}입니다</translation>
    </message>
    <message>
        <source>{origin}: dense output '{out_name}' must be (batch, channels, height, width), got shape {port_shape}</source>
        <translation>{origin}: 픽셀 단위 출력 '{out_name}'은(는) (batch, channels, height, width)여야 하는데 형태가 {port_shape}입니다</translation>
    </message>
    <message>
        <source>{origin}: chip output '{out_name}' must be (batch, features), got shape {port_shape}</source>
        <translation>{origin}: 칩 출력 '{out_name}'은(는) (batch, features)여야 하는데 형태가 {port_shape}입니다</translation>
    </message>
    <message>
        <source>{origin}: output '{out_name}' has {channels} channels but the card names {0} bands</source>
        <translation>{origin}: 출력 '{out_name}'의 채널은 {channels}개인데 카드에는 밴드 이름이 {0}개 있습니다</translation>
    </message>
    <message>
        <source>{0}: onnxruntime cannot load it: {exc}</source>
        <translation>{0}: onnxruntime이 불러올 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>{origin}: graph input '{spec_name}' has a fixed {label} of {size} px but the card's tile_size is {tile} px</source>
        <translation>{origin}: 그래프 입력 '{spec_name}'의 {label}은(는) {size} 픽셀로 고정되어 있는데 카드의 tile_size는 {tile} 픽셀입니다</translation>
    </message>
    <message>
        <source>{origin}: Deepness metadata: a value cannot be read ({0}: {exc})</source>
        <translation>{origin}: Deepness 메타데이터: 값을 읽을 수 없습니다 ({0}: {exc})</translation>
    </message>
    <message>
        <source>MODEL: '{model_card_name}' is a {model_card_task} model; the green ratio needs a green model (task 'green'), e.g. green_ndvi or green_rgb</source>
        <translation>MODEL: '{model_card_name}'은(는) {model_card_task} 모델입니다. 녹지 비율에는 녹지 모델(task 'green')이 필요합니다 (예: green_ndvi, green_rgb)</translation>
    </message>
    <message>
        <source>{origin}: the order has a cycle through cluster(s) {0}</source>
        <translation>{origin}: 순서에 클러스터 {0}을(를) 거치는 순환이 있습니다</translation>
    </message>
    <message>
        <source>order file not found: {path}</source>
        <translation>순서 파일을 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>chip folder not found: {folder}</source>
        <translation>칩 폴더를 찾을 수 없습니다: {folder}</translation>
    </message>
    <message>
        <source>{folder} holds no cluster subfolders with chips (expected {folder}/&lt;cluster id&gt;/*.png, .jpg or .tif)</source>
        <translation>{folder}에 칩이 든 클러스터 하위 폴더가 없습니다 ({folder}/&lt;클러스터 id&gt;/*.png, .jpg 또는 .tif 형태여야 합니다)</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{x}' is not a cluster id</source>
        <translation>{origin} {lineno}행: '{x}'은(는) 클러스터 id가 아닙니다</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: unknown cluster id '{x}' (the clusters are {names})</source>
        <translation>{origin} {lineno}행: 알 수 없는 클러스터 id '{x}' (클러스터: {names})</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{0}' mixes '=' with '&lt;'/'&gt;'; one relation per line</source>
        <translation>{origin} {lineno}행: '{0}'에 '='와 '&lt;'/'&gt;'가 섞여 있습니다. 한 줄에 관계 하나만 쓰세요</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{0}' is not of the form a=b=c</source>
        <translation>{origin} {lineno}행: '{0}'은(는) a=b=c 형식이 아닙니다</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{0}' is not a relation (expected a&lt;b, a&gt;b or a=b=c)</source>
        <translation>{origin} {lineno}행: '{0}'은(는) 관계가 아닙니다 (a&lt;b, a&gt;b 또는 a=b=c 형식)</translation>
    </message>
    <message>
        <source>{origin}: holds no relations</source>
        <translation>{origin}: 관계가 없습니다</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{a}&lt;{a}' puts a cluster below itself</source>
        <translation>{origin} {lineno}행: '{a}&lt;{a}'는 클러스터를 자기 자신보다 아래에 둡니다</translation>
    </message>
    <message>
        <source>{origin}: cluster(s) {0} have chips but appear in no relation</source>
        <translation>{origin}: 클러스터 {0}에 칩은 있지만 어떤 관계에도 나오지 않습니다</translation>
    </message>
    <message>
        <source>{origin} line {lineno}: '{a}&lt;{b}' contradicts the ties, which put {a} and {b} on one level (a cycle)</source>
        <translation>{origin} {lineno}행: '{a}&lt;{b}'는 {a}와(과) {b}를 같은 단계에 두는 동점 관계와 모순됩니다 (순환)</translation>
    </message>
    <message>
        <source>cannot read chip {path}: {exc}</source>
        <translation>칩 {path}을(를) 읽을 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>chip {path} has {ds_count} band(s); {bands} needed</source>
        <translation>칩 {path}의 밴드는 {ds_count}개입니다. {bands}개가 필요합니다</translation>
    </message>
    <message>
        <source>CELL_SIZE must be positive, got {cell_size}</source>
        <translation>CELL_SIZE는 양수여야 하는데 {cell_size}입니다</translation>
    </message>
    <message>
        <source>a {cell_size:g} m grid over this raster has {cols} x {rows} cells; choose a larger CELL_SIZE or split the area</source>
        <translation>이 래스터 위의 {cell_size:g} m 격자는 {cols} x {rows}개입니다. 더 큰 CELL_SIZE를 고르거나 지역을 나누세요</translation>
    </message>
    <message>
        <source>model '{card_name}' is a {card_model_type} (per-pixel) model; the poverty grid needs a chip model that gives one score per chip (e.g. poverty_nk_siscore)</source>
        <translation>모델 '{card_name}'은(는) {card_model_type}(픽셀 단위) 모델입니다. 빈곤 격자에는 칩마다 점수 하나를 내는 칩 모델이 필요합니다 (예: poverty_nk_siscore)</translation>
    </message>
    <message>
        <source>model '{card_name}' takes {0} inputs; the poverty grid needs one</source>
        <translation>모델 '{card_name}'은(는) 입력 {0}개를 받습니다. 빈곤 격자에는 입력이 하나인 모델이 필요합니다</translation>
    </message>
    <message>
        <source>model '{card_name}' outputs features, not a score; train a score on them first (satimpact:trainpovertysurvey or satimpact:trainpovertyranking)</source>
        <translation>모델 '{card_name}'은(는) 점수가 아니라 특징을 출력합니다. 먼저 이 특징으로 점수 모델을 학습하세요 (satimpact:trainpovertysurvey 또는 satimpact:trainpovertyranking)</translation>
    </message>
    <message>
        <source>{raster_path} has no coordinate reference system</source>
        <translation>{raster_path}에 좌표계가 없습니다</translation>
    </message>
    <message>
        <source>the hold-out split left no training or no test chips; add chips or change HOLDOUT</source>
        <translation>검증용 분할 후 학습 칩이나 검증 칩이 남지 않았습니다. 칩을 추가하거나 HOLDOUT을 바꾸세요</translation>
    </message>
    <message>
        <source>the order puts every cluster on one level; nothing to rank</source>
        <translation>순서가 모든 클러스터를 같은 단계에 둡니다. 순위를 매길 것이 없습니다</translation>
    </message>
    <message>
        <source>cancelled by the user; no model was written</source>
        <translation>사용자가 취소했습니다. 모델은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is not a chip featurizer (a chip model with one input and a 'features' output, such as poverty_features_rgb or poverty_features_s2)</source>
        <translation>모델 '{card_name}'은(는) 칩 특징 추출기(입력 하나와 'features' 출력이 있는 칩 모델, 예: poverty_features_rgb, poverty_features_s2)가 아닙니다</translation>
    </message>
    <message>
        <source>HOLDOUT must be between 0.05 and 0.5, got {holdout}</source>
        <translation>HOLDOUT은 0.05와 0.5 사이여야 하는데 {holdout}입니다</translation>
    </message>
    <message>
        <source>FOLDS must be at least 2, got {folds}</source>
        <translation>FOLDS는 2 이상이어야 하는데 {folds}입니다</translation>
    </message>
    <message>
        <source>only {used} survey points are usable ({reasons}); at least {0} are needed for {folds}-fold cross-validation</source>
        <translation>쓸 수 있는 조사 지점이 {used}개뿐입니다 ({reasons}). {folds}겹 교차검증에는 최소 {0}개가 필요합니다</translation>
    </message>
    <message>
        <source>every usable point has the same {label_name} ({0}); nothing to learn</source>
        <translation>쓸 수 있는 모든 지점의 {label_name}이(가) 같습니다 ({0}). 학습할 것이 없습니다</translation>
    </message>
    <message>
        <source>cluster '{cid}' has {0} chip; at least 2 are needed (one to train, one to test)</source>
        <translation>클러스터 '{cid}'의 칩이 {0}개입니다. 최소 2개가 필요합니다 (학습용 하나, 검증용 하나)</translation>
    </message>
    <message>
        <source>cluster '{cid}' has {kept} chip(s) with enough valid imagery; at least 2 are needed</source>
        <translation>클러스터 '{cid}'에 유효 영상이 충분한 칩이 {kept}개입니다. 최소 2개가 필요합니다</translation>
    </message>
    <message>
        <source>radar units must be dB or linear (power), got '{text}'</source>
        <translation>레이더 단위는 dB 또는 linear(전력)여야 하는데 '{text}'입니다</translation>
    </message>
    <message>
        <source>{name}: the values look neither like backscatter in dB (mostly negative, about -35 to 0) nor like linear power (positive, mostly below 1): {facts}. Uncalibrated digital numbers or amplitude need radiometric calibration to sigma0 first; if the values are sigma0, state the units (RADAR_UNITS, or 'dB' / 'linear' in BAND_MAP).</source>
        <translation>{name}: 값이 dB 후방산란(대부분 음수, 약 -35~0)으로도, 선형 전력(양수, 대부분 1 미만)으로도 보이지 않습니다: {facts}. 보정되지 않은 DN 값이나 진폭은 먼저 sigma0로 방사 보정해야 합니다. 값이 sigma0라면 단위를 지정하세요 (RADAR_UNITS, 또는 BAND_MAP에 'dB' / 'linear').</translation>
    </message>
    <message>
        <source>automatic threshold method must be one of {0}, got '{method}'</source>
        <translation>자동 임계값 방법은 {0} 중 하나여야 하는데 '{method}'입니다</translation>
    </message>
    <message>
        <source>{name}: too few valid pixels to tell whether the backscatter is in dB or linear power</source>
        <translation>{name}: 유효 픽셀이 너무 적어 후방산란이 dB인지 선형 전력인지 알 수 없습니다</translation>
    </message>
    <message>
        <source>{name} holds whole numbers between 0 and 255 (median {median:g}): an 8-bit rendering stored in a wider type, not radar backscatter. Export sigma0 as floating point (dB or linear power).</source>
        <translation>{name}의 값은 0~255 정수(중앙값 {median:g})입니다: 레이더 후방산란이 아니라 더 큰 자료형에 저장된 8비트 렌더링입니다. sigma0를 부동소수점(dB 또는 선형 전력)으로 내보내세요.</translation>
    </message>
    <message>
        <source>the radar units are stated twice and differ: {0} (RADAR_UNITS) and {1} (BAND_MAP); state them once</source>
        <translation>레이더 단위가 두 번, 서로 다르게 지정되었습니다: {0}(RADAR_UNITS)와 {1}(BAND_MAP). 한 번만 지정하세요</translation>
    </message>
    <message>
        <source>{name} is an 8-bit raster (values 0-255): an image rendered for display (a screenshot, a map export or a stretched quick-look), not radar backscatter. Rendering replaced sigma0 with grey levels, so no water threshold in dB means anything there. Export sigma0 as floating point (dB or linear power), e.g. from SNAP, ASF or Google Earth Engine's COPERNICUS/S1_GRD.</source>
        <translation>{name}은(는) 8비트 래스터(값 0~255)입니다: 레이더 후방산란이 아니라 표시용으로 렌더링한 영상(스크린샷, 지도 내보내기, 늘린 미리보기)입니다. 렌더링이 sigma0를 회색 단계로 바꿨으므로 dB 수체 임계값이 의미가 없습니다. sigma0를 부동소수점(dB 또는 선형 전력)으로 내보내세요 (예: SNAP, ASF, Google Earth Engine의 COPERNICUS/S1_GRD).</translation>
    </message>
    <message>
        <source>no output file given (an empty output path)</source>
        <translation>출력 파일이 없습니다 (출력 경로가 비어 있음)</translation>
    </message>
    <message>
        <source>unknown compression '{compress}'; use one of {0}</source>
        <translation>알 수 없는 압축 방식 '{compress}'. 다음 중 하나를 쓰세요: {0}</translation>
    </message>
    <message>
        <source>the output folder does not exist: {folder}</source>
        <translation>출력 폴더가 없습니다: {folder}</translation>
    </message>
    <message>
        <source>the output folder cannot be written: {folder}</source>
        <translation>출력 폴더에 쓸 수 없습니다: {folder}</translation>
    </message>
    <message>
        <source>the output path is a folder, not a file: {path}</source>
        <translation>출력 경로가 파일이 아니라 폴더입니다: {path}</translation>
    </message>
    <message>
        <source>the output file exists and cannot be replaced: {path}</source>
        <translation>출력 파일이 이미 있고 바꿀 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>cannot write {dtype} rasters</source>
        <translation>{dtype} 래스터는 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>cannot create {path}: {0}</source>
        <translation>{path}을(를) 만들 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>GDAL gave no reason</source>
        <translation>GDAL이 이유를 알려주지 않았습니다</translation>
    </message>
    <message>
        <source>writing {path} failed ({what}): {0}</source>
        <translation>{path} 쓰기 실패 ({what}): {0}</translation>
    </message>
    <message>
        <source>cannot open raster {path}: {exc}</source>
        <translation>래스터 {path}을(를) 열 수 없습니다: {exc}</translation>
    </message>
    <message>
        <source>writing {path} failed (write): {0}</source>
        <translation>{path} 쓰기 실패 (write): {0}</translation>
    </message>
    <message>
        <source>writing {path} failed (write): {exc}</source>
        <translation>{path} 쓰기 실패 (write): {exc}</translation>
    </message>
    <message>
        <source>the query image {query_path} has {q_count} band(s); the model reads bands {bands}</source>
        <translation>질의 영상 {query_path}의 밴드는 {q_count}개인데 모델은 밴드 {bands}을(를) 읽습니다</translation>
    </message>
    <message>
        <source>no model given: pass an .onnx file or the name of a shipped model</source>
        <translation>모델이 없습니다: .onnx 파일이나 기본 제공 모델 이름을 지정하세요</translation>
    </message>
    <message>
        <source>unknown model '{ref}': shipped and user models are {0}; or pass the path of an .onnx file</source>
        <translation>알 수 없는 모델 '{ref}': 기본 제공 및 사용자 모델은 {0}입니다. 또는 .onnx 파일 경로를 지정하세요</translation>
    </message>
    <message>
        <source>a shipped model is already called '{name}'; rename the model first</source>
        <translation>'{name}'이라는 기본 제공 모델이 이미 있습니다. 먼저 모델 이름을 바꾸세요</translation>
    </message>
    <message>
        <source>'{name}' would be written outside the user models folder {user_dir}; refused</source>
        <translation>'{name}'이(가) 사용자 모델 폴더 {user_dir} 밖에 저장되므로 거부했습니다</translation>
    </message>
    <message>
        <source>{0}: keeps its weights in separate files ({1}); SatImpact imports single-file models only: save it with onnx.save(model, path, save_as_external_data=False) (models up to 2 GB)</source>
        <translation>{0}: 가중치를 별도 파일({1})에 둡니다. SatImpact는 단일 파일 모델만 가져옵니다: onnx.save(model, path, save_as_external_data=False)로 저장하세요 (2 GB 이하 모델)</translation>
    </message>
    <message>
        <source>'{name}' is not a model name</source>
        <translation>'{name}'은(는) 모델 이름이 아닙니다</translation>
    </message>
    <message>
        <source>no user model called '{name}'</source>
        <translation>'{name}'이라는 사용자 모델이 없습니다</translation>
    </message>
    <message>
        <source>model file not found: {ref}</source>
        <translation>모델 파일을 찾을 수 없습니다: {ref}</translation>
    </message>
    <message>
        <source>a user model called '{0}' exists already ({target})</source>
        <translation>'{0}'이라는 사용자 모델이 이미 있습니다 ({target})</translation>
    </message>
    <message>
        <source>'{name}' is a shipped model; only user models can be removed</source>
        <translation>'{name}'은(는) 기본 제공 모델입니다. 사용자 모델만 삭제할 수 있습니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is a {card_model_type} model; use the chip runner</source>
        <translation>모델 '{card_name}'은(는) {card_model_type} 모델입니다. 칩 실행기를 쓰세요</translation>
    </message>
    <message>
        <source>model '{card_name}' needs input(s) {missing}</source>
        <translation>모델 '{card_name}'에는 입력 {missing}이(가) 필요합니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is a {card_model_type} model; use the dense runner</source>
        <translation>모델 '{card_name}'은(는) {card_model_type} 모델입니다. 픽셀 단위 실행기를 쓰세요</translation>
    </message>
    <message>
        <source>inputs '{ref_name}' and '{name}' are not on the same pixel grid ({ref_width}x{ref_height} vs {ds_width}x{ds_height}); align them first</source>
        <translation>입력 '{ref_name}'와(과) '{name}'의 픽셀 격자가 다릅니다 ({ref_width}x{ref_height} 대 {ds_width}x{ds_height}). 먼저 정렬하세요</translation>
    </message>
    <message>
        <source>model '{model_card_name}': output '{spec_name}' has {n} channel(s) but the card names {0} band(s) ({1}); fix the card's band_names</source>
        <translation>모델 '{model_card_name}': 출력 '{spec_name}'의 채널은 {n}개인데 카드에는 밴드 이름이 {0}개({1}) 있습니다. 카드의 band_names를 고치세요</translation>
    </message>
    <message>
        <source>the output folder cannot be written: {0} ({1})</source>
        <translation>출력 폴더에 쓸 수 없습니다: {0} ({1})</translation>
    </message>
    <message>
        <source>model '{model_card_name}' ({0}) cannot run on tiles of shape {shapes} (batch, bands, height, width): {1}; check the card's tile_size against what the graph accepts</source>
        <translation>모델 '{model_card_name}'({0})을(를) 형태 {shapes}(batch, bands, height, width)의 타일로 실행할 수 없습니다: {1}. 카드의 tile_size가 그래프가 받는 크기와 맞는지 확인하세요</translation>
    </message>
    <message>
        <source>model '{card_name}' returned an output of shape {0} for tiles of {lay_pad_w}x{lay_pad_h} px; a dense model must return one value per input pixel</source>
        <translation>모델 '{card_name}'이(가) {lay_pad_w}x{lay_pad_h} 픽셀 타일에 형태 {0}의 출력을 돌려주었습니다. 픽셀 단위 모델은 입력 픽셀마다 값 하나를 돌려줘야 합니다</translation>
    </message>
    <message>
        <source>the inputs have no area in common; a series needs rasters of one place</source>
        <translation>입력들에 공통 범위가 없습니다. 시계열에는 같은 장소의 래스터가 필요합니다</translation>
    </message>
    <message>
        <source>{0} ({path}): no date found. Give it an ACQUISITION_DATE tag, a name with YYYYMMDD or a year (1985.tif), or list the dates in DATES (one per input, in the order of the inputs)</source>
        <translation>{0}({path}): 날짜를 찾을 수 없습니다. ACQUISITION_DATE 태그를 달거나, 이름에 YYYYMMDD나 연도(1985.tif)를 넣거나, DATES에 날짜를 나열하세요 (입력마다 하나, 입력 순서대로)</translation>
    </message>
    <message>
        <source>DATES: '{text}' is not a date; write YYYY-MM-DD or a year such as 1985</source>
        <translation>DATES: '{text}'은(는) 날짜가 아닙니다. YYYY-MM-DD 또는 1985 같은 연도로 쓰세요</translation>
    </message>
    <message>
        <source>DATES has {0} entries for {1} inputs; give one date per input</source>
        <translation>DATES에 입력 {1}개에 대해 항목이 {0}개 있습니다. 입력마다 날짜 하나를 주세요</translation>
    </message>
    <message>
        <source>a time series needs at least two inputs, got {0}</source>
        <translation>시계열에는 입력이 두 개 이상 필요한데 {0}개입니다</translation>
    </message>
    <message>
        <source>model '{card_name}' is a '{card_task}' model, not a water model (task 'water')</source>
        <translation>모델 '{card_name}'은(는) 수체 모델(task 'water')이 아니라 '{card_task}' 모델입니다</translation>
    </message>
    <message>
        <source>MIN_OBSERVED must be a share between 0 and 1, got {min_observed}</source>
        <translation>MIN_OBSERVED는 0과 1 사이의 비율이어야 하는데 {min_observed}입니다</translation>
    </message>
    <message>
        <source>DATES: '{text}' is not a valid date ({exc})</source>
        <translation>DATES: '{text}'은(는) 올바른 날짜가 아닙니다 ({exc})</translation>
    </message>
    <message>
        <source>{0} has {count} bands, not a multiple of BANDS_PER_DATE={bands_per_date}</source>
        <translation>{0}의 밴드는 {count}개로, BANDS_PER_DATE={bands_per_date}의 배수가 아닙니다</translation>
    </message>
    <message>
        <source>{0}: a band group has no date of its own; list the dates in DATES</source>
        <translation>{0}: 밴드 묶음에 자체 날짜가 없습니다. DATES에 날짜를 나열하세요</translation>
    </message>
    <message>
        <source>{0} and {1} have the same date {a_label}; one raster per date (mosaic same-day scenes first)</source>
        <translation>{0}와(과) {1}의 날짜가 {a_label}(으)로 같습니다. 날짜마다 래스터 하나만 쓰세요 (같은 날 영상은 먼저 모자이크하세요)</translation>
    </message>
    <message>
        <source>cannot read bands {0}-{1} of {path}</source>
        <translation>{path}의 밴드 {0}-{1}을(를) 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{path} has no coordinate reference system; assign one first</source>
        <translation>{path}에 좌표계가 없습니다. 먼저 좌표계를 지정하세요</translation>
    </message>
    <message>
        <source>MEAN and STD must be given together (one value per band, or one for all)</source>
        <translation>MEAN과 STD는 함께 지정해야 합니다 (밴드마다 값 하나, 또는 전체에 하나)</translation>
    </message>
    <message>
        <source>every STD value must be positive</source>
        <translation>STD 값은 모두 양수여야 합니다</translation>
    </message>
    <message>
        <source>BANDS: band numbers are whole numbers from 1, got {text!r}</source>
        <translation>BANDS: 밴드 번호는 1부터 시작하는 정수여야 하는데 {text!r}입니다</translation>
    </message>
    <message>
        <source>MODEL_TYPE '{params_model_kind}' is unknown (expected one of {0})</source>
        <translation>알 수 없는 MODEL_TYPE '{params_model_kind}' (다음 중 하나여야 합니다: {0})</translation>
    </message>
    <message>
        <source>{origin}: the graph has {0} inputs ({1}); stated parameters describe one-input models only: give the model a card</source>
        <translation>{origin}: 그래프의 입력이 {0}개({1})입니다. 매개변수로 지정하는 방식은 입력이 하나인 모델만 설명할 수 있으니 모델에 카드를 주세요</translation>
    </message>
    <message>
        <source>{origin}: the graph input must be (batch, bands, height, width), got shape {port_shape}</source>
        <translation>{origin}: 그래프 입력은 (batch, bands, height, width)여야 하는데 형태가 {port_shape}입니다</translation>
    </message>
    <message>
        <source>{origin}: the graph takes {channels} channels but BANDS gives {0} band(s); list {channels} raster bands in the model's input order</source>
        <translation>{origin}: 그래프는 채널 {channels}개를 받는데 BANDS에는 밴드가 {0}개입니다. 모델 입력 순서대로 래스터 밴드 {channels}개를 나열하세요</translation>
    </message>
    <message>
        <source>{origin}: the graph takes {fixed_w}x{fixed_h} px tiles; only square tiles are supported</source>
        <translation>{origin}: 그래프가 {fixed_w}x{fixed_h} 픽셀 타일을 받습니다. 정사각형 타일만 지원합니다</translation>
    </message>
    <message>
        <source>{origin}: TILE_SIZE {tile} px is refused: the graph's input has a fixed size of {fixed} px (leave TILE_SIZE empty to use it)</source>
        <translation>{origin}: TILE_SIZE {tile} 픽셀은 쓸 수 없습니다: 그래프 입력 크기가 {fixed} 픽셀로 고정되어 있습니다 (그 크기를 쓰려면 TILE_SIZE를 비워 두세요)</translation>
    </message>
    <message>
        <source>TILE_SIZE must be at least 8 px, got {tile}</source>
        <translation>TILE_SIZE는 8 픽셀 이상이어야 하는데 {tile}입니다</translation>
    </message>
    <message>
        <source>OVERLAP must be from 0 to below half the tile ({tile} px), got {overlap}</source>
        <translation>OVERLAP은 0 이상, 타일({tile} 픽셀)의 절반 미만이어야 하는데 {overlap}입니다</translation>
    </message>
    <message>
        <source>SCALE must be a finite number other than 0 and OFFSET finite, got {scale}, {offset}</source>
        <translation>SCALE은 0이 아닌 유한한 숫자, OFFSET은 유한한 숫자여야 하는데 {scale}, {offset}입니다</translation>
    </message>
    <message>
        <source>MODEL_RESOLUTION must be a positive number of metres per pixel, got {resolution}</source>
        <translation>MODEL_RESOLUTION은 픽셀당 미터를 나타내는 양수여야 하는데 {resolution}입니다</translation>
    </message>
    <message>
        <source>{0} carries {own}: the card is the model's contract, so {1} are refused; leave them empty to use the card, or save a new card into a copy of the model (SAVE_CARD) from a copy without metadata</source>
        <translation>{0}에 {own}이(가) 있습니다: 카드가 모델의 계약이므로 {1}은(는) 받지 않습니다. 카드를 쓰려면 비워 두거나, 메타데이터가 없는 사본에서 새 카드를 모델 사본에 저장하세요 (SAVE_CARD)</translation>
    </message>
    <message>
        <source>SAVE_CARD: {target} is the model itself; choose another file (the original stays as it is)</source>
        <translation>SAVE_CARD: {target}은(는) 모델 자체입니다. 다른 파일을 고르세요 (원본은 그대로 둡니다)</translation>
    </message>
    <message>
        <source>SAVE_CARD: the folder {folder} does not exist</source>
        <translation>SAVE_CARD: 폴더 {folder}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{label}: '{part}' is not a finite number</source>
        <translation>{label}: '{part}'은(는) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>MEAN and STD need one value per band ({n}), got {0} and {1}</source>
        <translation>MEAN과 STD에는 밴드마다 값 하나({n}개)가 필요한데 {0}개와 {1}개입니다</translation>
    </message>
    <message>
        <source>{label}: '{part}' is not a number (give comma-separated numbers)</source>
        <translation>{label}: '{part}'은(는) 숫자가 아닙니다 (쉼표로 구분한 숫자를 주세요)</translation>
    </message>
    <message>
        <source>output '{out_name}' is {size_out} px for a {size_in} px input: an odd difference cannot be centred on the tile</source>
        <translation>출력 '{out_name}'이(가) {size_in} 픽셀 입력에 대해 {size_out} 픽셀입니다: 차이가 홀수라 타일 가운데에 맞출 수 없습니다</translation>
    </message>
    <message>
        <source>model '{card_name}' returned {0} for a {1}x{2} px tile; a super-resolution model with scale factor {factor} must return {3} px</source>
        <translation>모델 '{card_name}'이(가) {1}x{2} 픽셀 타일에 {0}을(를) 돌려주었습니다. 배율 {factor}의 초해상도 모델은 {3} 픽셀을 돌려줘야 합니다</translation>
    </message>
    <message>
        <source>no water model fits this raster: optical water needs green and NIR (NDWI) or green and SWIR (MNDWI) bands, radar water needs Sentinel-1 VV and/or VH (a one-band radar scene without a band description: say which with BAND_MAP=VV=1 or BAND_MAP=VH=1). </source>
        <translation>이 래스터에 맞는 수체 모델이 없습니다: 광학 수체 탐지에는 녹색과 근적외선(NDWI) 또는 녹색과 단파적외선(MNDWI) 밴드가, 레이더 수체 탐지에는 Sentinel-1 VV 및/또는 VH가 필요합니다 (밴드 설명이 없는 단일 밴드 레이더 영상이라면 BAND_MAP=VV=1 또는 BAND_MAP=VH=1로 지정하세요). </translation>
    </message>
    <message>
        <source>no valid pixel to compute Otsu's threshold on</source>
        <translation>Otsu 임계값을 계산할 유효 픽셀이 없습니다</translation>
    </message>
    <message>
        <source>the index histogram has a single value: Otsu's threshold is undefined</source>
        <translation>지수 히스토그램에 값이 하나뿐이라 Otsu 임계값을 정할 수 없습니다</translation>
    </message>
    <message>
        <source>model '{card_name}': card extra 'water_if' must be 'above' or 'below', got '{side}'</source>
        <translation>모델 '{card_name}': 카드의 extra 'water_if'는 'above' 또는 'below'여야 하는데 '{side}'입니다</translation>
    </message>
    <message>
        <source>the index is constant ({lo:g}) over the whole scene: no threshold can split it into water and land</source>
        <translation>지수가 영상 전체에서 일정({lo:g})하여 어떤 임계값으로도 수체와 육지를 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>the raster has no CRS: areas in m2 cannot be computed</source>
        <translation>래스터에 좌표계가 없어 면적(m2)을 계산할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write vector output '{path}': use a GeoPackage (.gpkg), shapefile (.shp) or GeoJSON file</source>
        <translation>벡터 출력 '{path}'을(를) 쓸 수 없습니다: GeoPackage(.gpkg), 셰이프파일(.shp) 또는 GeoJSON 파일을 사용하세요</translation>
    </message>
    <message>
        <source>{0}, and model '{card_name}' gives no fixed threshold to fall back on; set THRESHOLD</source>
        <translation>{0}. 모델 '{card_name}'에는 대신 쓸 고정 임계값도 없습니다. THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>model '{card_name}' must have one input and an index output to detect water</source>
        <translation>수체를 탐지하려면 모델 '{card_name}'에 입력 하나와 지수 출력이 있어야 합니다</translation>
    </message>
    <message>
        <source>MIN_AREA must be zero or positive, got {min_area_m2} m2</source>
        <translation>MIN_AREA는 0 이상이어야 하는데 {min_area_m2} m2입니다</translation>
    </message>
    <message>
        <source>model '{card_name}' gives no default threshold in its card; set THRESHOLD or AUTO_THRESHOLD</source>
        <translation>모델 '{card_name}'의 카드에 기본 임계값이 없습니다. THRESHOLD 또는 AUTO_THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>{0}: the index has no valid pixel (all nodata)</source>
        <translation>{0}: 지수에 유효 픽셀이 없습니다 (모두 NoData)</translation>
    </message>
    <message>
        <source>{0}: the zones file {1} was not found</source>
        <translation>{0}: 구역 파일 {1}을(를) 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: {1} has no layer '{2}' (layers: {3})</source>
        <translation>{0}: {1}에 레이어 '{2}'이(가) 없습니다 (레이어: {3})</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' ({2}) has no coordinate reference system; give the file one (in QGIS: set the layer's CRS, then save it as a GeoPackage)</source>
        <translation>{0}: 레이어 '{1}' ({2})에 좌표계가 없습니다. 파일에 좌표계를 지정하세요 (QGIS에서: 레이어의 좌표계를 설정한 뒤 GeoPackage로 저장)</translation>
    </message>
    <message>
        <source>{0}: the zones' field '{1}' holds {2}, not numbers</source>
        <translation>{0}: 구역의 필드 '{1}'은(는) 숫자가 아니라 {2} 값을 담고 있습니다</translation>
    </message>
    <message>
        <source>{0}: cannot read {1} as a vector layer ({2})</source>
        <translation>{0}: {1}을(를) 벡터 레이어로 읽을 수 없습니다 ({2})</translation>
    </message>
    <message>
        <source>Batch {tool} ({report_done} inputs)</source>
        <translation>일괄 처리 {tool} (입력 {report_done}개)</translation>
    </message>
    <message>
        <source>Floating Debris Index ({fdi_model_card_name}) - {scene}</source>
        <translation>부유 쓰레기 지수 ({fdi_model_card_name}) - {scene}</translation>
    </message>
    <message>
        <source>Debris candidates on water (FDI) - {scene}</source>
        <translation>수면 위 부유 쓰레기 후보 (FDI) - {scene}</translation>
    </message>
    <message>
        <source>Flood change classes ({pair})</source>
        <translation>홍수 변화 클래스 ({pair})</translation>
    </message>
    <message>
        <source>Flooded share per {unit}, damaged &gt; {0:g} % ({pair})</source>
        <translation>{unit}별 침수 비율, 피해 &gt; {0:g} % ({pair})</translation>
    </message>
    <message>
        <source>Green ratio - {0}</source>
        <translation>녹지 비율 - {0}</translation>
    </message>
    <message>
        <source>Vegetation ({0}) - {1}</source>
        <translation>식생 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Green ratio per zone and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>{name} (raster)</source>
        <translation>{name} (래스터)</translation>
    </message>
    <message>
        <source>{run_title} (probabilities)</source>
        <translation>{run_title} (확률)</translation>
    </message>
    <message>
        <source>{run_title} (polygons)</source>
        <translation>{run_title} (폴리곤)</translation>
    </message>
    <message>
        <source>Water mask ({0}) - {1}</source>
        <translation>수체 마스크 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water index: {0} ({1}) - {2}</source>
        <translation>수체 지수: {0} ({1}) - {2}</translation>
    </message>
    <message>
        <source>Water bodies ({0}) - {1}</source>
        <translation>수체 폴리곤 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water share per zone and date</source>
        <translation>구역별·날짜별 수체 비율</translation>
    </message>
    <message>
        <source>Water occurrence</source>
        <translation>수면 출현 빈도</translation>
    </message>
    <message>
        <source>Water change classes</source>
        <translation>수면 변화 등급</translation>
    </message>
    <message>
        <source>no value (NULL)</source>
        <translation>값 없음 (NULL)</translation>
    </message>
    <message>
        <source>never water</source>
        <translation>수체 아님</translation>
    </message>
    <message>
        <source>permanent water</source>
        <translation>상시 수체</translation>
    </message>
    <message>
        <source>new water</source>
        <translation>신규 수체</translation>
    </message>
    <message>
        <source>lost water</source>
        <translation>소실 수체</translation>
    </message>
    <message>
        <source>seasonal water</source>
        <translation>계절성 수체</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>수체</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>육지</translation>
    </message>
    <message>
        <source>dry</source>
        <translation>건조</translation>
    </message>
    <message>
        <source>new flood</source>
        <translation>신규 침수</translation>
    </message>
    <message>
        <source>receded water</source>
        <translation>물이 빠진 곳</translation>
    </message>
    <message>
        <source>No data (no valid pixel)</source>
        <translation>자료 없음 (유효 픽셀 없음)</translation>
    </message>
    <message>
        <source>Not damaged</source>
        <translation>피해 없음</translation>
    </message>
    <message>
        <source>Damaged: flooded share &gt; {0} %</source>
        <translation>피해: 침수 비율 &gt; {0} %</translation>
    </message>
    <message>
        <source>No data (no clear pixel)</source>
        <translation>자료 없음 (맑은 픽셀 없음)</translation>
    </message>
    <message>
        <source>vegetation</source>
        <translation>식생</translation>
    </message>
    <message>
        <source>{0} - {1} % green</source>
        <translation>녹지 {0} - {1} %</translation>
    </message>
    <message>
        <source>least developed</source>
        <translation>개발 수준 최하</translation>
    </message>
    <message>
        <source>less developed</source>
        <translation>개발 수준 하</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>more developed</source>
        <translation>개발 수준 상</translation>
    </message>
    <message>
        <source>most developed</source>
        <translation>개발 수준 최상</translation>
    </message>
    <message>
        <source>{0} (percentile {1}-{2})</source>
        <translation>{0} (백분위 {1}-{2})</translation>
    </message>
    <message>
        <source>SatImpact</source>
        <translation>SatImpact</translation>
    </message>
    <message>
        <source>Model manager...</source>
        <translation>모델 관리자...</translation>
    </message>
    <message>
        <source>About SatImpact...</source>
        <translation>SatImpact 정보...</translation>
    </message>
    <message>
        <source>SatImpact tools</source>
        <translation>SatImpact 도구</translation>
    </message>
    <message>
        <source>Install into my profile</source>
        <translation>내 프로필에 설치</translation>
    </message>
    <message>
        <source>SatImpact needs the Python package(s) {0}, which QGIS cannot import. The tools will not run until they are installed.</source>
        <translation>SatImpact에는 QGIS가 불러올 수 없는 Python 패키지 {0}이(가) 필요합니다. 설치하기 전까지 도구가 실행되지 않습니다.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Radar backscatter units</source>
        <translation>레이더 후방산란 단위</translation>
    </message>
    <message>
        <source>Output compression (auto: ZSTD for classes and masks, none for continuous values)</source>
        <translation>출력 압축 (auto: 클래스와 마스크는 ZSTD, 연속값은 압축 없음)</translation>
    </message>
    <message>
        <source>Automatic (band descriptions, else the values)</source>
        <translation>자동 (밴드 설명, 없으면 값으로 판단)</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>Linear power</source>
        <translation>선형 전력(linear power)</translation>
    </message>
    <message>
        <source>Extent to process (default: the whole layer; a file is cut to it, other layers rendered over it)</source>
        <translation>처리할 범위 (기본값: 레이어 전체; 파일은 이 범위로 잘라내고, 다른 레이어는 이 범위에 렌더링)</translation>
    </message>
    <message>
        <source>help language: en</source>
        <translation>help language: ko</translation>
    </message>
    <message>
        <source>Otsu (radar: on the tiles with a bimodal histogram)</source>
        <translation>Otsu (레이더: 히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Kittler-Illingworth minimum error (on the tiles with a bimodal histogram)</source>
        <translation>Kittler-Illingworth 최소 오차 (히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Zone name field (for the report)</source>
        <translation>구역 이름 필드 (보고서용)</translation>
    </message>
    <message>
        <source>Minimum observed share of a zone (below: flagged, left out of the trend)</source>
        <translation>구역의 최소 관측 비율 (미만이면 표시하고 추세에서 제외)</translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation>보고서 (HTML)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 파일 (*.html)</translation>
    </message>
    <message>
        <source>Threshold (empty: the model card's default)</source>
        <translation>임계값 (비우면 모델 카드 기본값)</translation>
    </message>
    <message>
        <source>Automatic threshold method</source>
        <translation>자동 임계값 방법</translation>
    </message>
    <message>
        <source>{0} ({1}) must be {2}, got {3}</source>
        <translation>{0} ({1})은(는) {2}이어야 합니다. 입력값: {3}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (it looks {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다({2} 파일로 보임). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>internal error in {0}: {1}: {2}. Please report it at {3} with the log of this run</source>
        <translation>{0}의 내부 오류: {1}: {2}. 이 실행의 로그와 함께 {3}에 보고해 주십시오</translation>
    </message>
    <message>
        <source>{0}: the file name '{1}' contains '|', which QGIS reads as the start of layer options; rename the file</source>
        <translation>{0}: 파일 이름 '{1}'에 '|'가 있습니다. QGIS는 이를 레이어 옵션의 시작으로 읽습니다. 파일 이름을 바꾸십시오</translation>
    </message>
    <message>
        <source>{0}: the file '{1}' is empty (0 bytes)</source>
        <translation>{0}: 파일 '{1}'이(가) 비어 있습니다(0 바이트)</translation>
    </message>
    <message>
        <source>the intermediate result for {0}</source>
        <translation>{0}의 중간 결과</translation>
    </message>
    <message>
        <source>not enough memory for this run ({0}); process a smaller extent or free memory</source>
        <translation>이 실행에 필요한 메모리가 부족합니다({0}). 더 작은 범위를 처리하거나 메모리를 확보하십시오</translation>
    </message>
    <message>
        <source>the input is nested too deeply to be read ({0})</source>
        <translation>입력의 중첩이 너무 깊어 읽을 수 없습니다({0})</translation>
    </message>
    <message>
        <source>a raster could not be read or written (damaged or truncated file?): {0}</source>
        <translation>래스터를 읽거나 쓸 수 없습니다(손상되었거나 잘린 파일?): {0}</translation>
    </message>
    <message>
        <source>file error: {0}</source>
        <translation>파일 오류: {0}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (byte {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다(바이트 {2}). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>the raster's extent or coordinate reference system cannot be processed ({0}: {1}); a raster crossing the antimeridian (180 degrees) or in an unusual CRS: reproject it to a projected CRS (e.g. its UTM zone) first</source>
        <translation>래스터의 범위 또는 좌표계를 처리할 수 없습니다({0}: {1}). 날짜변경선(180도)을 가로지르거나 흔치 않은 좌표계의 래스터입니다: 먼저 투영 좌표계(예: 해당 UTM 구역)로 재투영하십시오</translation>
    </message>
    <message>
        <source>Bands per date in multi-date files (0: one file per date; dates then from DATES)</source>
        <translation>여러 날짜 파일에서 날짜당 밴드 수 (0: 날짜마다 파일 하나; 그 밖에는 날짜를 DATES에서)</translation>
    </message>
    <message>
        <source>Rasters of one area on different dates</source>
        <translation>한 지역의 여러 날짜 래스터</translation>
    </message>
    <message>
        <source>Dates, one per input in input order (e.g. 1985,1990 or 2019-08-31; empty: from tags or names)</source>
        <translation>날짜, 입력 순서대로 입력마다 하나 (예: 1985,1990 또는 2019-08-31; 비우면 태그나 파일 이름에서)</translation>
    </message>
    <message>
        <source>Band mapping for every date (e.g. green=2,nir=4; empty: automatic)</source>
        <translation>모든 날짜에 적용할 밴드 매핑 (예: green=2,nir=4; 비우면 자동)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 처리</translation>
    </message>
    <message>
        <source>Batch run on a Dask cluster (many scenes, resumable)</source>
        <translation>Dask 클러스터에서 일괄 실행 (여러 장면, 이어서 실행 가능)</translation>
    </message>
    <message>
        <source>Runs one SatImpact tool over many rasters or pairs, on this machine or a Dask cluster.</source>
        <translation>SatImpact 도구 하나를 여러 래스터나 쌍에 이 컴퓨터 또는 Dask 클러스터에서 실행합니다.</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>Inputs: files (one per line), a folder, folder/*.tif, or a CSV of before,after pairs</source>
        <translation>입력: 파일(한 줄에 하나), 폴더, 폴더/*.tif, 또는 before,after 쌍의 CSV</translation>
    </message>
    <message>
        <source>Tool parameters (JSON or KEY=VALUE,KEY=VALUE; empty: the tool's defaults)</source>
        <translation>도구 매개변수 (JSON 또는 KEY=VALUE,KEY=VALUE; 비우면 도구의 기본값)</translation>
    </message>
    <message>
        <source>Dask scheduler address (e.g. tcp://host:8786; empty: a local cluster)</source>
        <translation>Dask 스케줄러 주소 (예 tcp://host:8786; 비우면 로컬 클러스터)</translation>
    </message>
    <message>
        <source>Local workers (0: one per core)</source>
        <translation>로컬 작업자 수 (0: 코어마다 하나)</translation>
    </message>
    <message>
        <source>Window size in pixels (splits one large raster into windows; 0: no split)</source>
        <translation>창 크기(픽셀) (큰 래스터 하나를 이 크기의 창으로 나눔; 0: 나누지 않음)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Combined table (GeoPackage)</source>
        <translation>통합 표 (GeoPackage)</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>매니페스트</translation>
    </message>
    <message>
        <source>Mosaic of the raster outputs (VRT)</source>
        <translation>래스터 출력의 모자이크 (VRT)</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>완료된 항목</translation>
    </message>
    <message>
        <source>Items failed</source>
        <translation>실패한 항목</translation>
    </message>
    <message>
        <source>Items pending (cancelled)</source>
        <translation>대기 중인 항목 (취소됨)</translation>
    </message>
    <message>
        <source>Water and debris</source>
        <translation>수체와 쓰레기</translation>
    </message>
    <message>
        <source>Floating debris detection (FDI, Sentinel-2)</source>
        <translation>부유 쓰레기 탐지 (FDI, Sentinel-2)</translation>
    </message>
    <message>
        <source>Floating Debris Index and candidate debris patches on water from a Sentinel-2 scene.</source>
        <translation>Sentinel-2 영상에서 부유 쓰레기 지수(FDI)와 수면 위 쓰레기 후보 구역을 구합니다.</translation>
    </message>
    <message>
        <source>Sentinel-2 scene (L1C or L2A)</source>
        <translation>Sentinel-2 영상 (L1C 또는 L2A)</translation>
    </message>
    <message>
        <source>Debris model (empty: debris_fdi or debris_fdi_s2b from the product name)</source>
        <translation>쓰레기 모델 (비우면 제품명에 따라 debris_fdi 또는 debris_fdi_s2b)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,rededge2=6,nir=8,swir16=12; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,rededge2=6,nir=8,swir16=12; 비우면 자동)</translation>
    </message>
    <message>
        <source>Floating Debris Index</source>
        <translation>부유 쓰레기 지수</translation>
    </message>
    <message>
        <source>Debris candidates</source>
        <translation>쓰레기 후보</translation>
    </message>
    <message>
        <source>Debris model used</source>
        <translation>사용한 쓰레기 모델</translation>
    </message>
    <message>
        <source>Water model used</source>
        <translation>사용한 수체 모델</translation>
    </message>
    <message>
        <source>Share of water pixels flagged</source>
        <translation>표시된 수체 픽셀 비율</translation>
    </message>
    <message>
        <source>Flagged pixels</source>
        <translation>표시된 픽셀 수</translation>
    </message>
    <message>
        <source>Cloud-free water pixels</source>
        <translation>구름 없는 수체 픽셀 수</translation>
    </message>
    <message>
        <source>Candidate patches</source>
        <translation>후보 구역 수</translation>
    </message>
    <message>
        <source>Floods</source>
        <translation>홍수</translation>
    </message>
    <message>
        <source>Flood change (before / after)</source>
        <translation>홍수 변화 탐지 (이전 / 이후)</translation>
    </message>
    <message>
        <source>Maps new flood, permanent and receded water between two scenes and the flooded share per cell.</source>
        <translation>두 시기 영상 사이의 신규 침수, 상시 수체, 물이 빠진 지역과 격자별 침수 비율을 구합니다.</translation>
    </message>
    <message>
        <source>Zones (polygons instead of the grid)</source>
        <translation>구역 (격자 대신 사용할 폴리곤)</translation>
    </message>
    <message>
        <source>Model defaults (Otsu for water, Kittler-Illingworth for the log-ratio)</source>
        <translation>모델 기본값 (수체는 Otsu, 로그비는 Kittler-Illingworth)</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>Scene before the flood</source>
        <translation>홍수 이전 영상</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood</source>
        <translation>홍수 이후(또는 홍수 중) 영상</translation>
    </message>
    <message>
        <source>Model (empty: chosen from the bands; or a water model, or a two-input change model name/.onnx)</source>
        <translation>모델 (비우면 밴드에 따라 선택; 수체 모델 또는 두 입력 변화 모델 이름/.onnx)</translation>
    </message>
    <message>
        <source>Band mapping of the before scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이전 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Band mapping of the after scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이후 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Damage threshold (share of a cell newly flooded)</source>
        <translation>피해 기준 (격자 내 신규 침수 비율)</translation>
    </message>
    <message>
        <source>Automatic thresholds for radar scenes (water on each date and the log-ratio change)</source>
        <translation>레이더 영상의 자동 임계값 (각 시기의 수체와 로그비 변화)</translation>
    </message>
    <message>
        <source>Flood change classes</source>
        <translation>홍수 변화 분류</translation>
    </message>
    <message>
        <source>Flooded share per cell</source>
        <translation>격자별 침수 비율</translation>
    </message>
    <message>
        <source>New flood (km2)</source>
        <translation>신규 침수 면적 (km2)</translation>
    </message>
    <message>
        <source>Damaged cells</source>
        <translation>피해 격자 수</translation>
    </message>
    <message>
        <source>Method, alignment and thresholds</source>
        <translation>방법, 정렬, 임계값</translation>
    </message>
    <message>
        <source>{method} {alignment}. Thresholds: {thresholds}</source>
        <translation>{method} {alignment}. 임계값: {thresholds}</translation>
    </message>
    <message>
        <source>{0:g} m cell</source>
        <translation>{0:g} m 격자</translation>
    </message>
    <message>
        <source>Green space</source>
        <translation>녹지</translation>
    </message>
    <message>
        <source>Urban green ratio</source>
        <translation>도시 녹지 비율</translation>
    </message>
    <message>
        <source>Share of vegetation and green area (per person) for city zones or a grid of cells.</source>
        <translation>도시 구역 또는 격자별 식생 비율과 (1인당) 녹지 면적을 구합니다.</translation>
    </message>
    <message>
        <source>Zones (city boundaries, districts; empty: a grid of cells)</source>
        <translation>구역 (도시 경계, 행정구역; 비우면 격자)</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: 10)</source>
        <translation>지상 해상도, 미터 (파일이 아닌 레이어; 기본값: 10)</translation>
    </message>
    <message>
        <source>Input raster (summer imagery)</source>
        <translation>입력 래스터 (여름 영상)</translation>
    </message>
    <message>
        <source>Green model (green_ndvi, green_rgb or an .onnx path; empty: chosen from the bands)</source>
        <translation>녹지 모델 (green_ndvi, green_rgb 또는 .onnx 경로; 비우면 밴드에 따라 선택)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=3,nir=4 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: red=3,nir=4 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size in metres (used when there are no zones)</source>
        <translation>격자 크기 (미터, 구역이 없을 때 사용)</translation>
    </message>
    <message>
        <source>Population field of the zones (optional)</source>
        <translation>구역의 인구 필드 (선택)</translation>
    </message>
    <message>
        <source>Green ratio</source>
        <translation>녹지 비율</translation>
    </message>
    <message>
        <source>Vegetation mask</source>
        <translation>식생 마스크</translation>
    </message>
    <message>
        <source>Green ratio of the whole raster</source>
        <translation>래스터 전체의 녹지 비율</translation>
    </message>
    <message>
        <source>Season warning (empty: none)</source>
        <translation>계절 경고 (비어 있으면 없음)</translation>
    </message>
    <message>
        <source>Green model used</source>
        <translation>사용한 녹지 모델</translation>
    </message>
    <message>
        <source>Green ratio over time</source>
        <translation>시간에 따른 녹지 비율</translation>
    </message>
    <message>
        <source>Green ratio per zone across a stack of dates, with the season check per date and a trend.</source>
        <translation>여러 날짜의 래스터에서 구역별 녹지 비율을 날짜별 계절 확인과 추세와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>Zones (districts, parks; empty: the area all dates cover)</source>
        <translation>구역 (행정구, 공원; 비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Green model (empty: green_ndvi with red and NIR, else green_rgb)</source>
        <translation>녹지 모델 (비우면 적색과 NIR이 있으면 green_ndvi, 없으면 green_rgb)</translation>
    </message>
    <message>
        <source>Number of dates</source>
        <translation>날짜 수</translation>
    </message>
    <message>
        <source>Poverty and development</source>
        <translation>빈곤과 발전</translation>
    </message>
    <message>
        <source>Poverty grid (development score per cell)</source>
        <translation>빈곤 격자 (격자별 발전 점수)</translation>
    </message>
    <message>
        <source>Scores economic development per grid cell or zone from daytime imagery.</source>
        <translation>주간 위성영상으로 격자 또는 구역별 경제 발전 수준을 점수화합니다.</translation>
    </message>
    <message>
        <source>Zones to score instead of a grid (optional)</source>
        <translation>격자 대신 점수를 매길 구역 (선택)</translation>
    </message>
    <message>
        <source>Ground resolution in metres to render such layers (default: the model's source imagery)</source>
        <translation>이런 레이어를 렌더링할 지상 해상도 (미터, 기본값: 모델의 원본 영상)</translation>
    </message>
    <message>
        <source>Imagery (RGB or Sentinel-2)</source>
        <translation>영상 (RGB 또는 Sentinel-2)</translation>
    </message>
    <message>
        <source>Score model (chip model)</source>
        <translation>점수 모델 (칩 모델)</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,green=3,blue=2; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,green=3,blue=2; 비우면 자동)</translation>
    </message>
    <message>
        <source>Least share of valid pixels in a chip</source>
        <translation>칩의 최소 유효 픽셀 비율</translation>
    </message>
    <message>
        <source>Development score</source>
        <translation>발전 점수</translation>
    </message>
    <message>
        <source>Cell scores as a raster</source>
        <translation>격자 점수 래스터</translation>
    </message>
    <message>
        <source>Model used</source>
        <translation>사용한 모델</translation>
    </message>
    <message>
        <source>CRS of the cells</source>
        <translation>격자 좌표계</translation>
    </message>
    <message>
        <source>Development score ({0}) - {1}</source>
        <translation>발전 점수 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Run model (any carded ONNX model)</source>
        <translation>모델 실행 (카드가 있는 모든 ONNX 모델)</translation>
    </message>
    <message>
        <source>Runs a SatImpact or Deepness ONNX model over a raster, tile by tile.</source>
        <translation>SatImpact 또는 Deepness ONNX 모델을 래스터에 타일 단위로 실행합니다.</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: the model card's)</source>
        <translation>지상 해상도 (미터, 파일이 아닌 레이어; 기본값: 모델 카드 값)</translation>
    </message>
    <message>
        <source>Input raster</source>
        <translation>입력 래스터</translation>
    </message>
    <message>
        <source>Model (shipped or user model name, or path of a carded .onnx file)</source>
        <translation>모델 (기본 제공 또는 사용자 모델 이름, 또는 카드가 있는 .onnx 파일 경로)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,swir16=12 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,swir16=12 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Model output (raster: values, classes, upscaled image or similarity)</source>
        <translation>모델 출력 (래스터: 값, 클래스, 확대 영상 또는 유사도)</translation>
    </message>
    <message>
        <source>Polygons (segmentation: one per class area; detection: boxes)</source>
        <translation>폴리곤 (분할: 클래스 영역마다 하나; 탐지: 박스)</translation>
    </message>
    <message>
        <source>Class probabilities (segmentation)</source>
        <translation>클래스 확률 (분할)</translation>
    </message>
    <message>
        <source>Model card summary</source>
        <translation>모델 카드 요약</translation>
    </message>
    <message>
        <source>Model saved with the stated card</source>
        <translation>지정한 카드로 저장된 모델</translation>
    </message>
    <message>
        <source>Model type, for a model without a card (segmentation, regression, detection, superresolution, recognition, index, features)</source>
        <translation>모델 유형, 카드가 없는 모델용 (segmentation, regression, detection, superresolution, recognition, index, features)</translation>
    </message>
    <message>
        <source>Tile size in px (no card; default: the graph's fixed input size, else 512)</source>
        <translation>타일 크기(픽셀) (카드 없음; 기본값: 그래프의 고정 입력 크기, 없으면 512)</translation>
    </message>
    <message>
        <source>Tile overlap in px (no card; default 15% of the tile)</source>
        <translation>타일 겹침(픽셀) (카드 없음; 기본값 타일의 15%)</translation>
    </message>
    <message>
        <source>Resolution of the model's training data in m/px (no card)</source>
        <translation>모델 학습 데이터의 해상도(m/픽셀) (카드 없음)</translation>
    </message>
    <message>
        <source>Scale: model value = raw x SCALE + OFFSET (no card; default 1/255)</source>
        <translation>스케일: 모델 값 = 원시값 x SCALE + OFFSET (카드 없음; 기본값 1/255)</translation>
    </message>
    <message>
        <source>Offset (no card; default 0)</source>
        <translation>오프셋 (카드 없음; 기본값 0)</translation>
    </message>
    <message>
        <source>Mean per band, after scaling (no card; ImageNet: 0.485,0.456,0.406)</source>
        <translation>밴드별 평균, 스케일 적용 후 (카드 없음; ImageNet: 0.485,0.456,0.406)</translation>
    </message>
    <message>
        <source>Std per band, after scaling (no card; ImageNet: 0.229,0.224,0.225)</source>
        <translation>밴드별 표준편차, 스케일 적용 후 (카드 없음; ImageNet: 0.229,0.224,0.225)</translation>
    </message>
    <message>
        <source>Raster bands in the model's input order, e.g. 1,2,3 (no card; default: the first ones)</source>
        <translation>모델 입력 순서대로의 래스터 밴드, 예: 1,2,3 (카드 없음; 기본값: 앞쪽 밴드)</translation>
    </message>
    <message>
        <source>Class probability threshold (no card; segmentation, default 0.5)</source>
        <translation>클래스 확률 임계값 (카드 없음; segmentation, 기본값 0.5)</translation>
    </message>
    <message>
        <source>Save stated parameters as a card (in a copy of the model; no card)</source>
        <translation>지정한 매개변수를 카드로 저장 (모델 사본에; 카드 없음)</translation>
    </message>
    <message>
        <source>Remove small segments: Deepness' size (segmentation; default: the card's seg_small_segment)</source>
        <translation>작은 조각 제거: Deepness의 크기 (분할; 기본값: 카드의 seg_small_segment)</translation>
    </message>
    <message>
        <source>Polygon simplification tolerance in pixels (segmentation; default 1)</source>
        <translation>폴리곤 단순화 허용 오차(픽셀) (분할; 기본값 1)</translation>
    </message>
    <message>
        <source>Smallest polygon kept, in pixels (segmentation; default 0)</source>
        <translation>남길 가장 작은 폴리곤(픽셀) (분할; 기본값 0)</translation>
    </message>
    <message>
        <source>Detection confidence threshold (default: the card's det_conf, else 0.5)</source>
        <translation>탐지 신뢰도 임계값 (기본값: 카드의 det_conf, 없으면 0.5)</translation>
    </message>
    <message>
        <source>Detection overlap (IoU) above which the weaker box is dropped (default: det_iou_thresh, else 0.4)</source>
        <translation>이 겹침(IoU)을 넘으면 약한 박스를 버림 (기본값: det_iou_thresh, 없으면 0.4)</translation>
    </message>
    <message>
        <source>Query image (recognition: tiles are compared with it)</source>
        <translation>질의 영상 (인식: 타일을 이 영상과 비교)</translation>
    </message>
    <message>
        <source>Train poverty model from an expert ranking (partial order of clusters)</source>
        <translation>전문가 순위로 빈곤 모델 학습 (클러스터 부분 순서)</translation>
    </message>
    <message>
        <source>Learns a 0-1 development score from image clusters and an expert partial order.</source>
        <translation>영상 클러스터와 전문가의 부분 순서로 0-1 발전 점수를 학습합니다.</translation>
    </message>
    <message>
        <source>Chip folder (one subfolder per cluster)</source>
        <translation>칩 폴더 (클러스터마다 하위 폴더)</translation>
    </message>
    <message>
        <source>Or: imagery to cut chips from (with POLYGONS)</source>
        <translation>또는: 칩을 자를 영상 (POLYGONS와 함께)</translation>
    </message>
    <message>
        <source>Polygons of the clusters (with RASTER)</source>
        <translation>클러스터 폴리곤 (RASTER와 함께)</translation>
    </message>
    <message>
        <source>Cluster id field</source>
        <translation>클러스터 ID 필드</translation>
    </message>
    <message>
        <source>Band mapping for RASTER (empty: automatic)</source>
        <translation>RASTER의 밴드 지정 (비우면 자동)</translation>
    </message>
    <message>
        <source>Partial order of the clusters (a&lt;b, a=b=c)</source>
        <translation>클러스터 부분 순서 (a&lt;b, a=b=c)</translation>
    </message>
    <message>
        <source>Featurizer</source>
        <translation>특징 추출기</translation>
    </message>
    <message>
        <source>Ground width of one chip (metres, optional)</source>
        <translation>칩 하나의 지상 폭 (미터, 선택)</translation>
    </message>
    <message>
        <source>Share of each cluster's chips held out</source>
        <translation>클러스터별 검증용 칩 비율</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Kendall tau (leave-cluster-out)</source>
        <translation>Kendall tau (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Spearman (leave-cluster-out)</source>
        <translation>Spearman (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Kendall tau (held-out chips, same clusters)</source>
        <translation>Kendall tau (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Spearman (held-out chips, same clusters)</source>
        <translation>Spearman (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Train poverty model from survey points (ridge on image features)</source>
        <translation>조사 지점으로 빈곤 모델 학습 (영상 특징 릿지 회귀)</translation>
    </message>
    <message>
        <source>Fits a ridge regression from image features to a survey label, with a CV report.</source>
        <translation>영상 특징에서 조사 값으로 릿지 회귀를 학습하고 교차검증 보고서를 만듭니다.</translation>
    </message>
    <message>
        <source>Imagery</source>
        <translation>영상</translation>
    </message>
    <message>
        <source>Survey points</source>
        <translation>조사 지점</translation>
    </message>
    <message>
        <source>Label field (wealth index, consumption, ...)</source>
        <translation>라벨 필드 (자산 지수, 소비 등)</translation>
    </message>
    <message>
        <source>Chip size (metres)</source>
        <translation>칩 크기 (미터)</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>교차검증 분할 수</translation>
    </message>
    <message>
        <source>Largest displacement of the survey locations (metres, 0 = exact)</source>
        <translation>조사 위치의 최대 변위 (미터, 0 = 정확)</translation>
    </message>
    <message>
        <source>Featurizer (empty: by the bands)</source>
        <translation>특징 추출기 (비우면 밴드에 따라)</translation>
    </message>
    <message>
        <source>Cross-validated r2</source>
        <translation>교차검증 r2</translation>
    </message>
    <message>
        <source>Cross-validated Spearman</source>
        <translation>교차검증 스피어만 상관</translation>
    </message>
    <message>
        <source>Ridge alpha chosen</source>
        <translation>선택된 릿지 alpha</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>사용한 지점 수</translation>
    </message>
    <message>
        <source>Water detection (optical or radar)</source>
        <translation>수체 탐지 (광학 또는 레이더)</translation>
    </message>
    <message>
        <source>Maps surface water (rivers, lakes, floods) from Sentinel-2, Landsat or Sentinel-1.</source>
        <translation>Sentinel-2, Landsat, Sentinel-1 영상에서 지표수(하천, 호수, 홍수)를 찾습니다.</translation>
    </message>
    <message>
        <source>Input scene (optical or Sentinel-1)</source>
        <translation>입력 영상 (광학 또는 Sentinel-1)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</source>
        <translation>수체 모델 (비우면 밴드에 따라 선택; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,nir=8 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,nir=8 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Automatic threshold for any model (single-polarisation radar models use it by default)</source>
        <translation>모든 모델에 자동 임계값 적용 (단일 편파 레이더 모델은 기본으로 사용)</translation>
    </message>
    <message>
        <source>Water mask</source>
        <translation>수체 마스크</translation>
    </message>
    <message>
        <source>Water index</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Water bodies</source>
        <translation>수체 폴리곤</translation>
    </message>
    <message>
        <source>Smallest water body, m2 (empty: 4 pixels)</source>
        <translation>최소 수체 면적, m2 (비우면: 4 픽셀)</translation>
    </message>
    <message>
        <source>Threshold used</source>
        <translation>사용한 임계값</translation>
    </message>
    <message>
        <source>How the threshold was found</source>
        <translation>임계값을 구한 방법</translation>
    </message>
    <message>
        <source>Water share of valid pixels</source>
        <translation>유효 픽셀 중 수체 비율</translation>
    </message>
    <message>
        <source>Water pixels</source>
        <translation>수체 픽셀 수</translation>
    </message>
    <message>
        <source>Water area over time (lakes, reservoirs, rivers)</source>
        <translation>시간에 따른 수면 면적 (호수, 저수지, 하천)</translation>
    </message>
    <message>
        <source>Water area per zone across a stack of dates, with occurrence, change classes and a report.</source>
        <translation>여러 날짜의 래스터에서 구역별 수면 면적을 출현 빈도, 변화 등급, 보고서와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>Zones: lakes, reservoirs, river reaches (empty: the area all dates cover)</source>
        <translation>구역: 호수, 저수지, 하천 구간 (비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_ndwi or water_mndwi for 8-bit imagery)</source>
        <translation>수체 모델 (비우면 밴드로 선택; 8비트 영상에는 water_ndwi 또는 water_mndwi)</translation>
    </message>
    <message>
        <source>Automatic threshold per date (Otsu)</source>
        <translation>날짜별 자동 임계값 (Otsu)</translation>
    </message>
    <message>
        <source>Reference grid (empty: the first date's)</source>
        <translation>기준 격자 (비우면 첫 날짜의 격자)</translation>
    </message>
    <message>
        <source>Water area per zone and date</source>
        <translation>구역별·날짜별 수면 면적</translation>
    </message>
    <message>
        <source>Poverty from daytime imagery</source>
        <translation>주간 영상으로 본 빈곤</translation>
    </message>
    <message>
        <source>Random convolutional features</source>
        <translation>무작위 합성곱 특징</translation>
    </message>
    <message>
        <source>Human-machine development score</source>
        <translation>인간-기계 협업 개발 점수</translation>
    </message>
    <message>
        <source>Urban green space</source>
        <translation>도시 녹지</translation>
    </message>
    <message>
        <source>Water indices</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Floating debris</source>
        <translation>부유 쓰레기</translation>
    </message>
    <message>
        <source>Flood data</source>
        <translation>홍수 데이터</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>&lt;p&gt;Satellite imagery to indicators for the Sustainable Development Goals, as Processing tools backed by carded ONNX models.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v2 or later. Models carry their own licence and citation in their card (see the model manager).&lt;/p&gt;</source>
        <translation>&lt;p&gt;위성 영상을 지속가능발전목표(SDG) 지표로 바꾸는 프로세싱 도구 모음이며, 카드가 있는 ONNX 모델로 동작합니다.&lt;/p&gt;&lt;p&gt;라이선스: GNU GPL v2 이상. 모델은 각자의 라이선스와 인용 정보를 카드에 담고 있습니다(모델 관리자 참조).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>empty: automatic, e.g. green=3,nir=8 or a layout name</source>
        <translation>비우면 자동, 예: green=3,nir=8 또는 배열 이름</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(찾지 못함)</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(자동)</translation>
    </message>
    <message>
        <source> - automatic</source>
        <translation> - 자동</translation>
    </message>
    <message>
        <source>Card for a model without one</source>
        <translation>카드가 없는 모델의 카드</translation>
    </message>
    <message>
        <source>graph's size, else 512</source>
        <translation>그래프의 크기, 없으면 512</translation>
    </message>
    <message>
        <source>15% of the tile</source>
        <translation>타일의 15%</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>모델 유형</translation>
    </message>
    <message>
        <source>Tile size (px)</source>
        <translation>타일 크기(픽셀)</translation>
    </message>
    <message>
        <source>Tile overlap (px)</source>
        <translation>타일 겹침(픽셀)</translation>
    </message>
    <message>
        <source>Resolution of the training data (m/px)</source>
        <translation>학습 데이터의 해상도(m/픽셀)</translation>
    </message>
    <message>
        <source>Scale (model value = raw x scale + offset)</source>
        <translation>스케일 (모델 값 = 원시값 x 스케일 + 오프셋)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Mean per band (after scaling)</source>
        <translation>밴드별 평균 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Std per band (after scaling)</source>
        <translation>밴드별 표준편차 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Band names, in the model's input order</source>
        <translation>모델 입력 순서대로의 밴드 이름</translation>
    </message>
    <message>
        <source>Class probability threshold (segmentation)</source>
        <translation>클래스 확률 임계값 (segmentation)</translation>
    </message>
    <message>
        <source>SatImpact: install Python packages</source>
        <translation>SatImpact: 파이썬 패키지 설치</translation>
    </message>
    <message>
        <source>Looking for the Python interpreter that runs QGIS...</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾는 중...</translation>
    </message>
    <message>
        <source>Cancelled; the package folder may be incomplete, run the installer again.</source>
        <translation>취소했습니다. 패키지 폴더가 불완전할 수 있으니 설치를 다시 실행하십시오.</translation>
    </message>
    <message>
        <source>Creating the plugin's package folder</source>
        <translation>플러그인 전용 패키지 폴더를 만드는 중</translation>
    </message>
    <message>
        <source>Installing with pip</source>
        <translation>pip로 설치하는 중</translation>
    </message>
    <message>
        <source>Checking that the packages import</source>
        <translation>패키지를 가져올 수 있는지 확인하는 중</translation>
    </message>
    <message>
        <source>see the log above</source>
        <translation>위의 로그를 참조하십시오</translation>
    </message>
    <message>
        <source>Installing {0} into {1} with the Python that runs QGIS. System packages are not touched.</source>
        <translation>QGIS를 실행하는 파이썬으로 {0}을(를) {1}에 설치합니다. 시스템 패키지는 변경하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not find the Python interpreter that runs QGIS (looked at: {0}).</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾을 수 없습니다(확인한 곳: {0}).</translation>
    </message>
    <message>
        <source>Installed and checked: {0}. Restart QGIS to use SatImpact.</source>
        <translation>설치 및 확인 완료: {0}. SatImpact를 사용하려면 QGIS를 다시 시작하십시오.</translation>
    </message>
    <message>
        <source>Could not start {0}.</source>
        <translation>{0}을(를) 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Failed (exit code {0}): {1}</source>
        <translation>실패(종료 코드 {0}): {1}</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>user</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>, standardised</source>
        <translation>, 표준화</translation>
    </message>
    <message>
        <source>SatImpact model manager</source>
        <translation>SatImpact 모델 관리자</translation>
    </message>
    <message>
        <source>Import model...</source>
        <translation>모델 가져오기...</translation>
    </message>
    <message>
        <source>Remove user model</source>
        <translation>사용자 모델 삭제</translation>
    </message>
    <message>
        <source>Add a card to a model...</source>
        <translation>모델에 카드 추가...</translation>
    </message>
    <message>
        <source>Import an ONNX model</source>
        <translation>ONNX 모델 가져오기</translation>
    </message>
    <message>
        <source>An ONNX model without a card</source>
        <translation>카드가 없는 ONNX 모델</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <source>value x {scale:g} + {offset:g}</source>
        <translation>값 x {scale:g} + {offset:g}</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>성능 지표</translation>
    </message>
    <message>
        <source>Built from</source>
        <translation>학습·구성 데이터</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>주의 사항</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>인용</translation>
    </message>
    <message>
        <source>{model_type} (tile {tile_size} px, overlap {overlap} px, merge {merge})</source>
        <translation>{model_type} (타일 {tile_size} px, 중첩 {overlap} px, 병합 {merge})</translation>
    </message>
    <message>
        <source>; resolution {0:g}-{1:g} m</source>
        <translation>; 해상도 {0:g}-{1:g} m</translation>
    </message>
    <message>
        <source>; sensor {sensor}</source>
        <translation>; 센서 {sensor}</translation>
    </message>
    <message>
        <source>, threshold {threshold:g}</source>
        <translation>, 임계값 {threshold:g}</translation>
    </message>
    <message>
        <source>, classes {names}</source>
        <translation>, 클래스 {names}</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>보고된 지표 없음</translation>
    </message>
    <message>
        <source>Replace model</source>
        <translation>모델 교체</translation>
    </message>
    <message>
        <source>Model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <source>Remove the user model '{0}'?</source>
        <translation>사용자 모델 '{0}'을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Input '{name}'</source>
        <translation>입력 '{name}'</translation>
    </message>
    <message>
        <source>bands {bands}{sensor}{res}; {scale}</source>
        <translation>밴드 {bands}{sensor}{res}; {scale}</translation>
    </message>
    <message>
        <source>Output '{name}'</source>
        <translation>출력 '{name}'</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>사용 불가</translation>
    </message>
    <message>
        <source>{0}. Replace it?</source>
        <translation>{0}. 교체하시겠습니까?</translation>
    </message>
    <message>
        <source>Invalid model</source>
        <translation>잘못된 모델</translation>
    </message>
    <message>
        <source>Choose an .onnx model file</source>
        <translation>.onnx 모델 파일 선택</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Automatic (from the bands)</source>
        <translation>자동 (밴드 구성에서 선택)</translation>
    </message>
    <message>
        <source>Edit model...</source>
        <translation>모델 편집...</translation>
    </message>
    <message>
        <source>band number</source>
        <translation>밴드 번호</translation>
    </message>
    <message>
        <source>band description</source>
        <translation>밴드 설명</translation>
    </message>
    <message>
        <source>no known layout (band count {0})</source>
        <translation>알려진 배열 없음 (밴드 {0}개)</translation>
    </message>
    <message>
        <source>{0}: none of the {1} zones of '{2}' overlaps '{3}': check that the zones and the raster cover the same place (zones: {4} in {5}; raster: {6} in {7}); the usual cause is a wrong CRS on one of them</source>
        <translation>{0}: '{2}'의 구역 {1}개 중 어느 것도 '{3}'와(과) 겹치지 않습니다. 구역과 래스터가 같은 곳을 덮는지 확인하세요(구역: {5}의 {4}, 래스터: {7}의 {6}). 대개 둘 중 하나의 좌표계가 잘못된 것이 원인입니다</translation>
    </message>
    <message>
        <source>{0}: the zones' field '{1}' is named like the batch's own column (the feature id); it is kept as '{2}'</source>
        <translation>{0}: 구역의 필드 '{1}'이(가) 배치의 고유 열(피처 ID)과 이름이 같아 '{2}'(으)로 유지됩니다</translation>
    </message>
    <message>
        <source>{0}: the zones' field '{1}' is named like the combined table's own column; it is kept there as '{2}'</source>
        <translation>{0}: 구역의 필드 '{1}'이(가) 통합 테이블의 고유 열과 이름이 같아, 통합 테이블에서는 '{2}'(으)로 유지됩니다</translation>
    </message>
    <message>
        <source>crop</source>
        <translation>잘라내기</translation>
    </message>
    <message>
        <source>blend</source>
        <translation>혼합</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>zones</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>card default</source>
        <translation>카드 기본값</translation>
    </message>
    <message>
        <source>fallback: the card fixed value</source>
        <translation>대체값: 카드의 고정값</translation>
    </message>
    <message>
        <source>fixed: {min_change_db:g} dB either way (AUTO_THRESHOLD off)</source>
        <translation>고정: 양방향 {min_change_db:g} dB (AUTO_THRESHOLD 꺼짐)</translation>
    </message>
    <message>
        <source>, on the wrong side of 0 dB: the fixed {sign}{min_change_db:g} dB applies</source>
        <translation>, 0 dB의 반대쪽이므로 고정값 {sign}{min_change_db:g} dB 적용</translation>
    </message>
    <message>
        <source>automatic, {applied}</source>
        <translation>자동, {applied}</translation>
    </message>
    <message>
        <source>no ACQUISITION_DATE tag and no Sentinel-2/Landsat product name in the file name</source>
        <translation>ACQUISITION_DATE 태그도, 파일 이름에 Sentinel-2/Landsat 제품명도 없음</translation>
    </message>
    <message>
        <source>the raster has red and NIR bands</source>
        <translation>래스터에 적색과 근적외선 밴드가 있음</translation>
    </message>
    <message>
        <source>northern</source>
        <translation>북반구</translation>
    </message>
    <message>
        <source>southern</source>
        <translation>남반구</translation>
    </message>
    <message>
        <source>unknown date</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <source>June-September</source>
        <translation>6~9월</translation>
    </message>
    <message>
        <source>December-February</source>
        <translation>12~2월</translation>
    </message>
    <message>
        <source>product name in the file name {name}</source>
        <translation>파일 이름의 제품명 {name}</translation>
    </message>
    <message>
        <source>tag {key}={value}</source>
        <translation>태그 {key}={value}</translation>
    </message>
    <message>
        <source>Otsu</source>
        <translation>Otsu</translation>
    </message>
    <message>
        <source>Kittler-Illingworth</source>
        <translation>Kittler-Illingworth</translation>
    </message>
    <message>
        <source>linear power</source>
        <translation>선형 전력</translation>
    </message>
    <message>
        <source>two Gaussians fitted to the tile's histogram with Ashman's D &gt; {0:g}, the smaller holding &gt;= {1:g} % of the tile</source>
        <translation>타일 히스토그램에 맞춘 두 가우스 분포의 Ashman D &gt; {0:g}, 작은 쪽이 타일의 {1:g} % 이상</translation>
    </message>
    <message>
        <source>flagged (left out of the trend)</source>
        <translation>표시됨 (추세에서 제외)</translation>
    </message>
    <message>
        <source>Water occurrence (share of valid observations that were water)</source>
        <translation>수체 출현 빈도 (유효 관측 중 수체였던 비율)</translation>
    </message>
    <message>
        <source>Water change between the first and last observation</source>
        <translation>첫 관측과 마지막 관측 사이의 수체 변화</translation>
    </message>
    <message>
        <source>Charts for the first {n} zones; the table below and the output layer have all.</source>
        <translation>처음 {n}개 구역의 차트입니다. 아래 표와 출력 레이어에는 모든 구역이 있습니다.</translation>
    </message>
    <message>
        <source>Trend: Sen's slope of the green ratio per year, p-value of the Mann-Kendall test (two-sided).</source>
        <translation>추세: 연간 녹지 비율의 Sen 기울기, Mann-Kendall 검정(양측)의 p-값.</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>관측됨</translation>
    </message>
    <message>
        <source>Values ({unit}; NULL: not observed; grey: low observation)</source>
        <translation>값 ({unit}; NULL: 관측되지 않음; 회색: 관측 부족)</translation>
    </message>
    <message>
        <source>Water area</source>
        <translation>수체 면적</translation>
    </message>
    <message>
        <source>Sen's slope (p = {p})</source>
        <translation>Sen 기울기 (p = {p})</translation>
    </message>
    <message>
        <source>Sen's slope ({unit}/year)</source>
        <translation>Sen 기울기 ({unit}/년)</translation>
    </message>
    <message>
        <source>Trend: Sen's slope of the water area per year, p-value of the Mann-Kendall test (two-sided).</source>
        <translation>추세: 연간 수체 면적의 Sen 기울기, Mann-Kendall 검정(양측)의 p-값.</translation>
    </message>
    <message>
        <source>Water occurrence (Pekel et al. 2016)</source>
        <translation>수체 출현 빈도 (Pekel et al. 2016)</translation>
    </message>
    <message>
        <source>Model {model}. Green ratio = vegetation area / valid (cloud-free, not nodata) area, in true square metres on each date's own grid. Dates observed over less than {percent} % of a zone, or with a season warning, are marked and left out of the trend.</source>
        <translation>모델 {model}. 녹지 비율 = 식생 면적 / 유효(구름 없음, nodata 아님) 면적이며, 각 날짜 자체 격자에서 실제 제곱미터로 계산합니다. 구역의 {percent} % 미만에서 관측된 날짜나 계절 경고가 있는 날짜는 표시되고 추세에서 제외됩니다.</translation>
    </message>
    <message>
        <source>Trend per zone</source>
        <translation>구역별 추세</translation>
    </message>
    <message>
        <source>Mann-Kendall p</source>
        <translation>Mann-Kendall p</translation>
    </message>
    <message>
        <source>dates used</source>
        <translation>사용된 날짜 수</translation>
    </message>
    <message>
        <source>zone {k}</source>
        <translation>구역 {k}</translation>
    </message>
    <message>
        <source>Areas are true square metres ({method}) on the grid of {grid}. Dates observed over less than {percent} % of a zone are marked as low observation and left out of the trend.</source>
        <translation>면적은 {grid}의 격자에서 계산한 실제 제곱미터({method})입니다. 구역의 {percent} % 미만에서 관측된 날짜는 관측 부족으로 표시되고 추세에서 제외됩니다.</translation>
    </message>
    <message>
        <source>Season warning {label}: {text}</source>
        <translation>계절 경고 {label}: {text}</translation>
    </message>
    <message>
        <source>{n} dates: {labels}; {zones} zone(s).</source>
        <translation>날짜 {n}개: {labels}; 구역 {zones}개.</translation>
    </message>
    <message>
        <source>{quantity} over time</source>
        <translation>시간에 따른 {quantity}</translation>
    </message>
    <message>
        <source>model card default</source>
        <translation>모델 카드 기본값</translation>
    </message>
    <message>
        <source>{0}: the model's documented fixed value {fixed:g}{unit} applies</source>
        <translation>{0}: 모델에 문서화된 고정값 {fixed:g}{unit} 적용</translation>
    </message>
    <message>
        <source>{0}: none of the {1} features of the zone layer '{2}' is a polygon with an area (their geometries are NULL, empty or degenerate); fix the geometries (Vector &gt; Geometry Tools &gt; Check Validity) or choose another layer</source>
        <translation>{0}: 구역 레이어 '{2}'의 피처 {1}개 중 면적이 있는 폴리곤이 하나도 없습니다(도형이 NULL이거나 비어 있거나 퇴화됨). 도형을 고치거나(벡터 &gt; 도형 도구 &gt; 유효성 검사) 다른 레이어를 고르세요</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2A wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2A 파장</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2B wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2B 파장</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV, VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, dB)</translation>
    </message>
    <message>
        <source>Vegetation from NDVI (green space, NDVI &gt; 0.2)</source>
        <translation>NDVI 기반 식생 (녹지, NDVI &gt; 0.2)</translation>
    </message>
    <message>
        <source>Vegetation from RGB only (logistic on colour ratios, no NIR)</source>
        <translation>RGB만으로 식생 탐지 (색 비율 로지스틱 회귀, 근적외선 없음)</translation>
    </message>
    <message>
        <source>NDVI (normalised difference vegetation index)</source>
        <translation>NDVI (정규식생지수)</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), RGB 8-bit</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), RGB 8비트</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), Sentinel-2 multispectral</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), Sentinel-2 다중분광</translation>
    </message>
    <message>
        <source>Relative development score, North Korea (normalised random features, ridge ranking)</source>
        <translation>상대 발전 점수, 북한 (정규화한 무작위 특징, 릿지 순위 학습)</translation>
    </message>
    <message>
        <source>Water: MNDWI (Xu 2006), green/SWIR 1.6 um</source>
        <translation>수체: MNDWI (Xu 2006), 녹색/단파적외선 1.6 um</translation>
    </message>
    <message>
        <source>Water: MNDWI with vegetation tests (Zou et al. 2017/2018)</source>
        <translation>수체: 식생 검사를 더한 MNDWI (Zou 외 2017/2018)</translation>
    </message>
    <message>
        <source>Water: NDWI (McFeeters 1996), green/NIR</source>
        <translation>수체: NDWI (McFeeters 1996), 녹색/근적외선</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VH backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VH 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV + VH backscatter (dual polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV + VH 후방산란 (이중 편파, dB)</translation>
    </message>
    <message>
        <source>Floating Debris Index: NIR reflectance above the baseline interpolated between the red edge (B6) and SWIR (B11), with NDVI; evaluated on water only by satimpact:debrisdetection.</source>
        <translation>부유 잔해 지수(FDI): 레드 에지(B6)와 SWIR(B11) 사이를 보간한 기준선보다 높은 NIR 반사율과 NDVI; satimpact:debrisdetection이 수체에서만 평가합니다.</translation>
    </message>
    <message>
        <source>Biermann et al. used atmospherically corrected (ACOLITE) reflectance over clear coastal sea; on L1C or over turbid, shallow or flood water the FDI of water itself is well above 0, so candidates are FDI outliers among the scene's own water pixels, not an absolute level. FDI flags any floating matter (seaweed, Sargassum, wood, foam, pumice, ships and their wakes, as well as plastics); NDVI helps separate floating vegetation (high NDVI). Patches must cover a good part of a 10-20 m pixel. Cloud edges, glint and haze can give false candidates. Use the S2B model for Sentinel-2B scenes.</source>
        <translation>Biermann 등은 맑은 연안 해역에서 대기 보정(ACOLITE)한 반사율을 사용했습니다. L1C 자료나 탁하거나 얕은 물, 홍수 물에서는 물 자체의 FDI가 0보다 훨씬 높으므로, 후보는 절대 수준이 아니라 영상 자체의 수체 픽셀 가운데 FDI 이상치입니다. FDI는 모든 부유 물질(해조류, 사르가숨, 목재, 거품, 부석, 선박과 항적, 플라스틱)을 표시하며, NDVI는 부유 식생(높은 NDVI)을 구분하는 데 도움이 됩니다. 패치가 10-20 m 픽셀의 상당 부분을 덮어야 합니다. 구름 가장자리, 태양 반사(glint), 연무는 잘못된 후보를 만들 수 있습니다. Sentinel-2B 영상에는 S2B 모델을 사용하십시오.</translation>
    </message>
    <message>
        <source>Biermann et al. used atmospherically corrected (ACOLITE) reflectance over clear coastal sea; on L1C or over turbid, shallow or flood water the FDI of water itself is well above 0, so candidates are FDI outliers among the scene's own water pixels, not an absolute level. FDI flags any floating matter (seaweed, Sargassum, wood, foam, pumice, ships and their wakes, as well as plastics); NDVI helps separate floating vegetation (high NDVI). Patches must cover a good part of a 10-20 m pixel. Cloud edges, glint and haze can give false candidates. Use the S2A model for Sentinel-2A scenes.</source>
        <translation>Biermann 등은 맑은 연안 해역에서 대기 보정(ACOLITE)한 반사율을 사용했습니다. L1C 자료나 탁하거나 얕은 물, 홍수 물에서는 물 자체의 FDI가 0보다 훨씬 높으므로, 후보는 절대 수준이 아니라 영상 자체의 수체 픽셀 가운데 FDI 이상치입니다. FDI는 모든 부유 물질(해조류, 사르가숨, 목재, 거품, 부석, 선박과 항적, 플라스틱)을 표시하며, NDVI는 부유 식생(높은 NDVI)을 구분하는 데 도움이 됩니다. 패치가 10-20 m 픽셀의 상당 부분을 덮어야 합니다. 구름 가장자리, 태양 반사(glint), 연무는 잘못된 후보를 만들 수 있습니다. Sentinel-2A 영상에는 S2A 모델을 사용하십시오.</translation>
    </message>
    <message>
        <source>Two-date Sentinel-1 change: the dB difference after - before for VV and VH. satimpact:floodchange marks new flood where the after scene is water (each date's water threshold automatic by default: split-based Otsu on the tiles with a bimodal histogram, Chini et al. 2017), the before scene is not, and the backscatter fell by more than the change threshold (automatic by default: split-based Kittler-Illingworth on the log-ratio of the after-water pixels; at least min_change_db, which also applies alone where no tile is bimodal or AUTO_THRESHOLD is off); receded water mirrors it.</source>
        <translation>두 시기 Sentinel-1 변화: VV와 VH의 dB 차이(이후 - 이전). satimpact:floodchange는 이후 영상이 수체이고(각 시기의 수체 임계값은 기본적으로 자동: 히스토그램이 쌍봉형인 타일에 대한 분할 기반 Otsu, Chini et al. 2017) 이전 영상은 수체가 아니며, 후방산란이 변화 임계값보다 크게 감소한 곳(기본적으로 자동: 이후 시기 수체 픽셀의 로그비에 대한 분할 기반 Kittler-Illingworth; 최소 min_change_db이며, 쌍봉형 타일이 없거나 AUTO_THRESHOLD가 꺼져 있으면 이 값만 적용)을 신규 침수로 표시합니다. 후퇴한 물은 그 반대입니다.</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0 in dB (linear power is converted by the tool), terrain-corrected, both dates from the same orbit direction and preferably the same relative orbit (incidence angles differ otherwise). Speckle makes single-pixel changes of a few dB common: new flood also needs the after scene to be water (water model water_sdwi) and a fall of at least min_change_db. Flooded vegetation and flooded towns brighten (double bounce) and are not new flood here; wind or rain can roughen open water, which then is missed.</source>
        <translation>Sentinel-1 GRD sigma0 (dB; 선형 전력은 도구가 변환), 지형 보정, 두 시기 모두 같은 궤도 방향이며 가급적 같은 상대 궤도(그렇지 않으면 입사각이 다름). 스펙클 때문에 단일 픽셀에서 수 dB의 변화는 흔합니다. 신규 침수는 이후 영상이 수체(수체 모델 water_sdwi)이고 최소 min_change_db만큼 감소해야 합니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아지므로 여기서는 신규 침수가 아닙니다. 바람이나 비가 개방 수면을 거칠게 하면 탐지되지 않습니다.</translation>
    </message>
    <message>
        <source>Two-date Sentinel-1 change: the dB difference after - before for VH. satimpact:floodchange marks new flood where the after scene is water (each date's water threshold automatic by default: split-based Otsu on the tiles with a bimodal histogram, Chini et al. 2017), the before scene is not, and the backscatter fell by more than the change threshold (automatic by default: split-based Kittler-Illingworth on the log-ratio of the after-water pixels; at least min_change_db, which also applies alone where no tile is bimodal or AUTO_THRESHOLD is off); receded water mirrors it.</source>
        <translation>두 시기 Sentinel-1 변화: VH의 dB 차이(이후 - 이전). satimpact:floodchange는 이후 영상이 수체이고(각 시기의 수체 임계값은 기본적으로 자동: 히스토그램이 쌍봉형인 타일에 대한 분할 기반 Otsu, Chini et al. 2017) 이전 영상은 수체가 아니며, 후방산란이 변화 임계값보다 크게 감소한 곳(기본적으로 자동: 이후 시기 수체 픽셀의 로그비에 대한 분할 기반 Kittler-Illingworth; 최소 min_change_db이며, 쌍봉형 타일이 없거나 AUTO_THRESHOLD가 꺼져 있으면 이 값만 적용)을 신규 침수로 표시합니다. 후퇴한 물은 그 반대입니다.</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0 in dB (linear power is converted by the tool), terrain-corrected, both dates from the same orbit direction and preferably the same relative orbit (incidence angles differ otherwise). Speckle makes single-pixel changes of a few dB common: new flood also needs the after scene to be water (water model water_s1_vh) and a fall of at least min_change_db. Flooded vegetation and flooded towns brighten (double bounce) and are not new flood here; wind or rain can roughen open water, which then is missed.</source>
        <translation>Sentinel-1 GRD sigma0 (dB; 선형 전력은 도구가 변환), 지형 보정, 두 시기 모두 같은 궤도 방향이며 가급적 같은 상대 궤도(그렇지 않으면 입사각이 다름). 스펙클 때문에 단일 픽셀에서 수 dB의 변화는 흔합니다. 신규 침수는 이후 영상이 수체(수체 모델 water_s1_vh)이고 최소 min_change_db만큼 감소해야 합니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아지므로 여기서는 신규 침수가 아닙니다. 바람이나 비가 개방 수면을 거칠게 하면 탐지되지 않습니다.</translation>
    </message>
    <message>
        <source>Two-date Sentinel-1 change: the dB difference after - before for VV. satimpact:floodchange marks new flood where the after scene is water (each date's water threshold automatic by default: split-based Otsu on the tiles with a bimodal histogram, Chini et al. 2017), the before scene is not, and the backscatter fell by more than the change threshold (automatic by default: split-based Kittler-Illingworth on the log-ratio of the after-water pixels; at least min_change_db, which also applies alone where no tile is bimodal or AUTO_THRESHOLD is off); receded water mirrors it.</source>
        <translation>두 시기 Sentinel-1 변화: VV의 dB 차이(이후 - 이전). satimpact:floodchange는 이후 영상이 수체이고(각 시기의 수체 임계값은 기본적으로 자동: 히스토그램이 쌍봉형인 타일에 대한 분할 기반 Otsu, Chini et al. 2017) 이전 영상은 수체가 아니며, 후방산란이 변화 임계값보다 크게 감소한 곳(기본적으로 자동: 이후 시기 수체 픽셀의 로그비에 대한 분할 기반 Kittler-Illingworth; 최소 min_change_db이며, 쌍봉형 타일이 없거나 AUTO_THRESHOLD가 꺼져 있으면 이 값만 적용)을 신규 침수로 표시합니다. 후퇴한 물은 그 반대입니다.</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0 in dB (linear power is converted by the tool), terrain-corrected, both dates from the same orbit direction and preferably the same relative orbit (incidence angles differ otherwise). Speckle makes single-pixel changes of a few dB common: new flood also needs the after scene to be water (water model water_s1_vv) and a fall of at least min_change_db. Flooded vegetation and flooded towns brighten (double bounce) and are not new flood here; wind or rain can roughen open water, which then is missed.</source>
        <translation>Sentinel-1 GRD sigma0 (dB; 선형 전력은 도구가 변환), 지형 보정, 두 시기 모두 같은 궤도 방향이며 가급적 같은 상대 궤도(그렇지 않으면 입사각이 다름). 스펙클 때문에 단일 픽셀에서 수 dB의 변화는 흔합니다. 신규 침수는 이후 영상이 수체(수체 모델 water_s1_vv)이고 최소 min_change_db만큼 감소해야 합니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아지므로 여기서는 신규 침수가 아닙니다. 바람이나 비가 개방 수면을 거칠게 하면 탐지되지 않습니다.</translation>
    </message>
    <message>
        <source>Binary vegetation mask for the urban green ratio (satimpact:greenratio) from any multispectral scene with red and NIR bands (Sentinel-2, Landsat, RGBN aerial imagery). Threshold choice: 0.2 is the NDVI above which a surface is no longer bare soil (Sobrino et al. 2004), so every pixel with a real vegetation share counts; Kwon et al. (2021) built their urban green space score from NDVI of summer Sentinel-2 imagery, which is why the tool checks the season.</source>
        <translation>적색과 NIR 밴드가 있는 모든 다중분광 영상(Sentinel-2, Landsat, RGBN 항공 영상)에서 도시 녹지 비율(satimpact:greenratio)용 이진 식생 마스크를 만듭니다. 임계값 선택: 0.2는 지표면이 더 이상 나지가 아닌 NDVI 값이므로(Sobrino et al. 2004) 실제 식생이 있는 모든 픽셀이 포함됩니다. Kwon 등(2021)은 여름철 Sentinel-2 영상의 NDVI로 도시 녹지 점수를 만들었으며, 그래서 도구가 계절을 확인합니다.</translation>
    </message>
    <message>
        <source>Only meaningful on leaf-on (summer) imagery: winter, drought and snow lower NDVI (the tool warns). NDVI &gt; 0.2 counts sparse and dry vegetation and grass as green, not only tree canopy; raise the threshold (0.5: full cover after Sobrino et al. 2004) for dense vegetation only. The cloud test assumes reflectance x 10000 (Sentinel-2 L2A before processing baseline 04.00, Landsat Collection 1 style); for Sentinel-2 L2A from 2022 on (offset -1000) or Landsat Collection 2 (x 0.0000275 - 0.2) the NDVI is still right but the brightness cloud test is not, use an SCL band.</source>
        <translation>잎이 달린 시기(여름) 영상에서만 의미가 있습니다: 겨울, 가뭄, 눈은 NDVI를 낮춥니다(도구가 경고함). NDVI &gt; 0.2는 수관뿐 아니라 성긴 식생, 마른 식생, 초지도 녹지로 셉니다. 밀생 식생만 원하면 임계값을 높이십시오(0.5: Sobrino et al. 2004에 따른 완전 피복). 구름 검사는 반사율 x 10000을 가정합니다(처리 기준선 04.00 이전의 Sentinel-2 L2A, Landsat Collection 1 방식). 2022년 이후의 Sentinel-2 L2A(오프셋 -1000)나 Landsat Collection 2(x 0.0000275 - 0.2)에서는 NDVI는 여전히 맞지만 밝기 기반 구름 검사는 맞지 않으므로 SCL 밴드를 사용하십시오.</translation>
    </message>
    <message>
        <source>Binary vegetation mask for satimpact:greenratio from red, green and blue bands alone.</source>
        <translation>적색, 녹색, 청색 밴드만으로 satimpact:greenratio용 이진 식생 마스크를 만듭니다.</translation>
    </message>
    <message>
        <source>RGB cannot see what NIR sees: dry, sparse or dormant vegetation with NDVI above 0.2 looks brown and is missed (the dry flood-plain chip over Spain), and snow-dusted conifers (February patch) look white; the agreement with NDVI is lowest there. Fitted on Sentinel-2 reflectance (L2A and one L1C chip); colour-balanced aerial photos and basemaps were not available to test on. Colour ratios do not depend on the scaling of the bands (reflectance or 8-bit), but do depend on the colour balance. No cloud test: RGB basemaps are cloud-free composites; grey and white clouds are kept out of the vegetation by the colour gate but count as valid area. The colour gate costs some agreement with NDVI (see metrics) and keeps grey roofs, roads, clouds and blue water out; turquoise shallow water with ln(G/B) &gt;= -0.1 can still pass.</source>
        <translation>RGB는 NIR이 보는 것을 보지 못합니다: NDVI가 0.2보다 높은 마른 식생, 성긴 식생, 휴면 식생은 갈색으로 보여 놓치고(스페인의 마른 범람원 칩), 눈이 덮인 침엽수(2월 패치)는 흰색으로 보입니다. 이런 곳에서 NDVI와의 일치도가 가장 낮습니다. Sentinel-2 반사율(L2A와 L1C 칩 하나)로 적합했으며, 색 균형을 맞춘 항공 사진과 배경 지도는 시험할 자료가 없었습니다. 색 비율은 밴드의 스케일(반사율 또는 8비트)에는 의존하지 않지만 색 균형에는 의존합니다. 구름 검사 없음: RGB 배경 지도는 구름 없는 합성 영상입니다. 회색과 흰색 구름은 색 게이트로 식생에서 제외되지만 유효 면적으로는 셉니다. 색 게이트는 NDVI와의 일치도를 다소 낮추지만(성능 지표 참조) 회색 지붕, 도로, 구름, 푸른 물을 제외합니다. ln(G/B) &gt;= -0.1인 청록색의 얕은 물은 여전히 통과할 수 있습니다.</translation>
    </message>
    <message>
        <source>NDVI for any multispectral scene with red and NIR bands.</source>
        <translation>적색과 NIR 밴드가 있는 모든 다중분광 영상의 NDVI.</translation>
    </message>
    <message>
        <source>Reflectance scaling matters little for a ratio, but clouds and shadows give misleading values; mask them first.</source>
        <translation>비율에서는 반사율 스케일이 거의 중요하지 않지만, 구름과 그림자는 잘못된 값을 줍니다. 먼저 마스킹하십시오.</translation>
    </message>
    <message>
        <source>MOSAIKS random convolutional features: the chip is standardised per band, convolved with 256 fixed random 3x3 filters and their negatives (bias 0), passed through ReLU and averaged over the whole chip (global average pooling), giving 512 features.</source>
        <translation>MOSAIKS 무작위 합성곱 특징: 칩을 밴드별로 표준화하고, 고정된 무작위 3x3 필터 256개와 그 음수 필터(편향 0)로 합성곱한 뒤 ReLU를 거쳐 칩 전체에 대해 평균(전역 평균 풀링)하여 512개의 특징을 얻습니다.</translation>
    </message>
    <message>
        <source>Features only, no score: train a head with satimpact:trainpovertysurvey or satimpact:trainpovertyranking. Random features are not tuned to any task; they need a few hundred labelled chips to be useful.</source>
        <translation>특징만 있고 점수는 없습니다: satimpact:trainpovertysurvey 또는 satimpact:trainpovertyranking으로 헤드를 학습하십시오. 무작위 특징은 어떤 작업에도 맞춰져 있지 않으므로, 쓸모가 있으려면 레이블이 있는 칩이 수백 개 필요합니다.</translation>
    </message>
    <message>
        <source>One ONNX graph: an RGB chip (values 0-1 = 8-bit / 255) of about 1.87 x 1.87 km at 64 px in (the grid tool resamples each chip to it by area average), a development score in [0, 1] out. Features: 192 random convolutional features (MOSAIKS, 96 seeded 3x3 filters, both signs) of the chip at 64 px (about 29 m per pixel) divided by its mean local grey spread (3 x 3 px windows); a ridge head (alpha 30, and 3 x the squared change of the score between each training chip and its four corner crops of 3/4 of its side, so that the score rests on the whole chip) onto the experts' levels, squashed by a sigmoid.</source>
        <translation>하나의 ONNX 그래프: 약 1.87 x 1.87 km 크기의 RGB 칩(값 0-1 = 8비트 / 255)을 64 px로 입력받아(격자 도구가 각 칩을 면적 평균으로 리샘플링) [0, 1] 범위의 개발 점수를 출력합니다. 특징: 64 px(픽셀당 약 29 m) 칩의 무작위 합성곱 특징 192개(MOSAIKS, 시드 고정 3x3 필터 96개, 양·음 부호)를 칩의 국소 회색 분산 평균의 제곱근(3 x 3 px 창)으로 나눔; 전문가 등급에 대한 릿지 헤드(alpha 30, 그리고 각 학습 칩과 그 변의 3/4 크기인 네 모서리 잘라낸 칩 사이 점수 변화 제곱의 3배를 벌점으로 더해 점수가 칩 전체에 근거하도록 함)를 시그모이드로 압축합니다.</translation>
    </message>
    <message>
        <source>What the score is: a relative ranking of how built-up and developed a ~1.9 km square looks (from its colour and texture), learnt from North Korean experts' ordering of 23 visual clusters. It is not income, consumption or money; compare places within one run (score_percentile), not absolute values across runs. Where it stops holding: measured only in North Korea on 2016-2019 Sentinel-2 true-colour web tiles; on tiles outside the training clusters it reaches Spearman 0.58 with annotated land use (all tiles) and 0.59 among inhabited tiles, and 0.73 on clusters left out of training (lowest fold 0.46). Retrain (satimpact:trainpovertyranking) for another country, sensor, rendering, season or decade, and check it on places held out. Turning or mirroring the imagery moves a place's rank (median 4 points for a 90-degree rotation, 3 for a flip; brightness, contrast and haze at most 0.5). Clouds, snow and a rendering different from web map tiles (reflectance scenes are rendered as 2.5 x reflectance by the grid tool) shift scores; use cloud-free summer composites.</source>
        <translation>점수의 의미: 약 1.9 km 정사각형이 (색과 질감으로 볼 때) 얼마나 건물이 들어서고 개발되어 보이는지의 상대 순위로, 북한 전문가들이 시각적 군집 23개에 매긴 순서로부터 학습했습니다. 소득, 소비, 금액이 아닙니다. 서로 다른 실행 간의 절댓값이 아니라 한 번의 실행 안에서 장소끼리 비교하십시오(score_percentile). 성립하지 않는 경우: 2016-2019년 Sentinel-2 트루컬러 웹 타일로 북한에서만 측정했습니다. 학습 군집 밖의 타일에서 주석된 토지이용과의 Spearman 상관은 0.58(모든 타일), 거주 타일 중에서는 0.59이며, 학습에서 제외한 군집에서는 0.73(가장 낮은 폴드 0.46)입니다. 다른 국가, 센서, 렌더링, 계절, 연대에는 다시 학습하고(satimpact:trainpovertyranking) 제외해 둔 장소로 확인하십시오. 영상을 회전하거나 뒤집으면 장소의 순위가 바뀝니다(90도 회전 시 중앙값 4포인트, 뒤집기 시 3포인트; 밝기, 대비, 연무는 최대 0.5). 구름, 눈, 웹 지도 타일과 다른 렌더링(반사율 영상은 격자 도구가 2.5 x 반사율로 렌더링)은 점수를 바꿉니다. 구름 없는 여름 합성 영상을 사용하십시오.</translation>
    </message>
    <message>
        <source>MNDWI = (green - SWIR1) / (green + SWIR1); water where MNDWI &gt; 0. Sentinel-2 B3/B11, Landsat 8/9 B3/B6, Landsat 7 B2/B5.</source>
        <translation>MNDWI = (녹색 - SWIR1) / (녹색 + SWIR1); MNDWI &gt; 0이면 수체. Sentinel-2 B3/B11, Landsat 8/9 B3/B6, Landsat 7 B2/B5.</translation>
    </message>
    <message>
        <source>Reflectance is expected as integers x 10000 (Sentinel-2 L1C/L2A up to processing baseline 03.xx, Landsat Collection 1 surface reflectance). Clouds, cloud shadows, terrain shadow, snow and dark asphalt are confused with water; a single scene-wide threshold cannot fit every scene (use AUTO_THRESHOLD or THRESHOLD). On top-of-atmosphere (L1C) data, haze raises green more than SWIR and pushes land above 0: the plain index over-detects water there (see the measured IoU).</source>
        <translation>반사율은 정수 x 10000으로 가정합니다(처리 기준선 03.xx까지의 Sentinel-2 L1C/L2A, Landsat Collection 1 지표 반사율). 구름, 구름 그림자, 지형 그림자, 눈, 어두운 아스팔트는 수체와 혼동됩니다. 영상 전체에 하나의 임계값으로는 모든 영상을 맞출 수 없습니다(AUTO_THRESHOLD 또는 THRESHOLD 사용). 대기 상단(L1C) 자료에서는 연무가 SWIR보다 녹색을 더 높여 육지를 0 위로 올립니다: 단순 지수는 그곳에서 수체를 과다 탐지합니다(측정된 IoU 참조).</translation>
    </message>
    <message>
        <source>Open surface water where (MNDWI &gt; NDVI or MNDWI &gt; EVI) and EVI &lt; 0.1, written as the score min(max(MNDWI - NDVI, MNDWI - EVI), 0.1 - EVI) &gt; 0. The vegetation tests remove the vegetated and hazy land that the plain MNDWI &gt; 0 calls water. Needs blue, green, red, NIR and SWIR 1.6 um: Sentinel-2, Landsat 8/9, Landsat 7.</source>
        <translation>(MNDWI &gt; NDVI 또는 MNDWI &gt; EVI)이고 EVI &lt; 0.1인 곳의 개방 수면으로, 점수 min(max(MNDWI - NDVI, MNDWI - EVI), 0.1 - EVI) &gt; 0으로 씁니다. 식생 검사는 단순 MNDWI &gt; 0이 수체로 판정하는 식생 지역과 연무 낀 육지를 제거합니다. 청색, 녹색, 적색, NIR, SWIR 1.6 um가 필요합니다: Sentinel-2, Landsat 8/9, Landsat 7.</translation>
    </message>
    <message>
        <source>Reflectance is expected as integers x 10000 (Sentinel-2 L1C/L2A up to processing baseline 03.xx, Landsat Collection 1 surface reflectance). Clouds, cloud shadows, terrain shadow, snow and dark asphalt are confused with water; a single scene-wide threshold cannot fit every scene (use AUTO_THRESHOLD or THRESHOLD). EVI uses absolute reflectance, so the x 10000 scaling matters here (Landsat Collection 2 Level-2 and Sentinel-2 baseline &gt;= 04.00 data need rescaling first). Water with dense floating or emergent vegetation is excluded by design (EVI &gt;= 0.1).</source>
        <translation>반사율은 정수 x 10000으로 가정합니다(처리 기준선 03.xx까지의 Sentinel-2 L1C/L2A, Landsat Collection 1 지표 반사율). 구름, 구름 그림자, 지형 그림자, 눈, 어두운 아스팔트는 수체와 혼동됩니다. 영상 전체에 하나의 임계값으로는 모든 영상을 맞출 수 없습니다(AUTO_THRESHOLD 또는 THRESHOLD 사용). EVI는 절대 반사율을 사용하므로 여기서는 x 10000 스케일이 중요합니다(Landsat Collection 2 Level-2와 Sentinel-2 기준선 &gt;= 04.00 자료는 먼저 스케일을 다시 맞춰야 함). 빽빽한 부유 식생이나 정수 식물이 있는 물은 설계상 제외됩니다(EVI &gt;= 0.1).</translation>
    </message>
    <message>
        <source>NDWI = (green - NIR) / (green + NIR); water where NDWI &gt; 0. For sensors without a SWIR band (RGBN aerial or PlanetScope-like imagery) or as a second opinion.</source>
        <translation>NDWI = (녹색 - NIR) / (녹색 + NIR); NDWI &gt; 0이면 수체. SWIR 밴드가 없는 센서(RGBN 항공 영상이나 PlanetScope 유형 영상)용 또는 보조 판단용.</translation>
    </message>
    <message>
        <source>Reflectance is expected as integers x 10000 (Sentinel-2 L1C/L2A up to processing baseline 03.xx, Landsat Collection 1 surface reflectance). Clouds, cloud shadows, terrain shadow, snow and dark asphalt are confused with water; a single scene-wide threshold cannot fit every scene (use AUTO_THRESHOLD or THRESHOLD). Without SWIR, built-up areas and turbid or vegetated flood water are poorly separated; prefer water_mndwi_evi or water_mndwi where SWIR exists.</source>
        <translation>반사율은 정수 x 10000으로 가정합니다(처리 기준선 03.xx까지의 Sentinel-2 L1C/L2A, Landsat Collection 1 지표 반사율). 구름, 구름 그림자, 지형 그림자, 눈, 어두운 아스팔트는 수체와 혼동됩니다. 영상 전체에 하나의 임계값으로는 모든 영상을 맞출 수 없습니다(AUTO_THRESHOLD 또는 THRESHOLD 사용). SWIR가 없으면 시가지와 탁하거나 식생이 있는 홍수 물이 잘 구분되지 않습니다. SWIR가 있으면 water_mndwi_evi 또는 water_mndwi를 사용하십시오.</translation>
    </message>
    <message>
        <source>Open water from a Sentinel-1 VH-only scene (older archives, single-polarisation modes, most public flood datasets). Default threshold: automatic, split-based (Chini et al. 2017): Otsu (or Kittler-Illingworth) on the pooled histogram of the tiles whose histogram is bimodal (Ashman's D &gt; 2, smaller class &gt;= 20 %); the fixed -22 dB where no tile is.</source>
        <translation>Sentinel-1 VH 단일 영상(오래된 아카이브, 단일 편파 모드, 대부분의 공개 홍수 데이터셋)에서 개방 수면을 찾습니다. 기본 임계값: 자동, 분할 기반(Chini et al. 2017): 히스토그램이 쌍봉형인 타일(Ashman's D &gt; 2, 작은 클래스 &gt;= 20 %)의 합친 히스토그램에 Otsu(또는 Kittler-Illingworth) 적용; 그런 타일이 없으면 고정값 -22 dB.</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0, terrain-corrected, in dB (linear power is converted by the tools: RADAR_UNITS, or detected from the values). Radar caveats: wind- or rain-roughened water is bright and is missed; flooded vegetation and flooded towns brighten by double bounce and are missed; smooth dry surfaces (sand, tarmac, dry bare fields) and radar shadow look like water. Speckle gives salt-and-pepper noise; use MIN_AREA for polygons. VH is less sensitive to wind on water, but its water values sit near Sentinel-1's noise floor (about -22 to -25 dB), so dark dry fields mix in. A single polarisation sees less than VV and VH together; prefer water_sdwi where both exist.</source>
        <translation>Sentinel-1 GRD sigma0, 지형 보정, dB 단위(선형 전력은 도구가 변환: RADAR_UNITS 또는 값으로 판단). 레이더의 한계: 바람이나 비로 거칠어진 수면은 밝아서 놓칩니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아져 놓칩니다. 매끄럽고 건조한 표면(모래, 포장 도로, 마른 나지 농경지)과 레이더 그림자는 물처럼 보입니다. 스펙클은 점 잡음을 만듭니다. 폴리곤에는 MIN_AREA를 사용하십시오. VH는 수면의 바람에 덜 민감하지만 수체 값이 Sentinel-1 잡음 하한(약 -22~-25 dB) 근처에 있어 어두운 건조 농경지가 섞입니다. 단일 편파는 VV와 VH를 함께 쓸 때보다 덜 보입니다. 둘 다 있으면 water_sdwi를 사용하십시오.</translation>
    </message>
    <message>
        <source>Open water from a Sentinel-1 VV-only scene (older archives, single-polarisation modes, most public flood datasets). Default threshold: automatic, split-based (Chini et al. 2017): Otsu (or Kittler-Illingworth) on the pooled histogram of the tiles whose histogram is bimodal (Ashman's D &gt; 2, smaller class &gt;= 20 %); the fixed -15 dB where no tile is.</source>
        <translation>Sentinel-1 VV 단일 영상(오래된 아카이브, 단일 편파 모드, 대부분의 공개 홍수 데이터셋)에서 개방 수면을 찾습니다. 기본 임계값: 자동, 분할 기반(Chini et al. 2017): 히스토그램이 쌍봉형인 타일(Ashman's D &gt; 2, 작은 클래스 &gt;= 20 %)의 합친 히스토그램에 Otsu(또는 Kittler-Illingworth) 적용; 그런 타일이 없으면 고정값 -15 dB.</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0, terrain-corrected, in dB (linear power is converted by the tools: RADAR_UNITS, or detected from the values). Radar caveats: wind- or rain-roughened water is bright and is missed; flooded vegetation and flooded towns brighten by double bounce and are missed; smooth dry surfaces (sand, tarmac, dry bare fields) and radar shadow look like water. Speckle gives salt-and-pepper noise; use MIN_AREA for polygons. VV separates water from land best, but wind roughens water most in VV. A single polarisation sees less than VV and VH together; prefer water_sdwi where both exist.</source>
        <translation>Sentinel-1 GRD sigma0, 지형 보정, dB 단위(선형 전력은 도구가 변환: RADAR_UNITS 또는 값으로 판단). 레이더의 한계: 바람이나 비로 거칠어진 수면은 밝아서 놓칩니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아져 놓칩니다. 매끄럽고 건조한 표면(모래, 포장 도로, 마른 나지 농경지)과 레이더 그림자는 물처럼 보입니다. 스펙클은 점 잡음을 만듭니다. 폴리곤에는 MIN_AREA를 사용하십시오. VV는 물과 육지를 가장 잘 구분하지만, 바람이 수면을 가장 거칠게 하는 것도 VV입니다. 단일 편파는 VV와 VH를 함께 쓸 때보다 덜 보입니다. 둘 다 있으면 water_sdwi를 사용하십시오.</translation>
    </message>
    <message>
        <source>Open water from Sentinel-1 VV and VH backscatter: the mean of the two in dB, water below the threshold (card default: SDWI's boundary, -17.27 dB). AUTO_THRESHOLD: split-based threshold (Otsu or Kittler-Illingworth on the tiles whose histogram is bimodal).</source>
        <translation>Sentinel-1 VV와 VH 후방산란으로 개방 수면을 찾습니다: 두 값(dB)의 평균이 임계값보다 낮으면 수체(카드 기본값: SDWI의 경계, -17.27 dB). AUTO_THRESHOLD: 분할 기반 임계값(히스토그램이 쌍봉형인 타일에 Otsu 또는 Kittler-Illingworth).</translation>
    </message>
    <message>
        <source>Sentinel-1 GRD sigma0, terrain-corrected, in dB (linear power is converted by the tools: RADAR_UNITS, or detected from the values). Radar caveats: wind- or rain-roughened water is bright and is missed; flooded vegetation and flooded towns brighten by double bounce and are missed; smooth dry surfaces (sand, tarmac, dry bare fields) and radar shadow look like water. Speckle gives salt-and-pepper noise; use MIN_AREA for polygons. Version 1 (SDWI as -sqrt(VV x VH), values capped at -0.01 dB) gave an automatic threshold that moved with the scene's dB range; version 2 is shift-equivariant.</source>
        <translation>Sentinel-1 GRD sigma0, 지형 보정, dB 단위(선형 전력은 도구가 변환: RADAR_UNITS 또는 값으로 판단). 레이더의 한계: 바람이나 비로 거칠어진 수면은 밝아서 놓칩니다. 침수된 식생과 침수된 시가지는 이중 반사로 밝아져 놓칩니다. 매끄럽고 건조한 표면(모래, 포장 도로, 마른 나지 농경지)과 레이더 그림자는 물처럼 보입니다. 스펙클은 점 잡음을 만듭니다. 폴리곤에는 MIN_AREA를 사용하십시오. 버전 1(SDWI를 -sqrt(VV x VH)로, 값은 -0.01 dB에서 상한)은 영상의 dB 범위에 따라 움직이는 자동 임계값을 주었습니다. 버전 2는 이동 등변(shift-equivariant)입니다.</translation>
    </message>
    <message>
        <source>Flood impact on poverty</source>
        <translation>홍수가 빈곤에 미치는 영향</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>작업 흐름</translation>
    </message>
    <message>
        <source>Flood change between two scenes, flooded share per grid cell, development scores of the same cells, and the cells that are both flooded (damaged) and among the least developed. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process needs every output named; TEMPORARY_OUTPUT for those you do not keep). The development scores need imagery larger than one model chip (1.87 km); cells whose chip has too little valid imagery get NULL scores.</source>
        <translation>두 영상 사이의 홍수 변화, 격자별 침수 비율, 같은 격자의 발전 점수, 그리고 침수(피해)되었으면서 가장 덜 발전한 격자를 구합니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process에는 모든 출력의 이름이 필요합니다. 보관하지 않을 출력은 TEMPORARY_OUTPUT으로 두세요). 발전 점수를 구하려면 영상이 모델 칩 하나(1.87 km)보다 커야 합니다. 칩 안의 유효 영상이 너무 적은 격자는 점수가 NULL이 됩니다.</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood.</source>
        <translation>홍수 이후(또는 홍수 중) 영상.</translation>
    </message>
    <message>
        <source>Scene before the flood (Sentinel-2, Landsat or Sentinel-1).</source>
        <translation>홍수 이전 영상 (Sentinel-2, Landsat 또는 Sentinel-1).</translation>
    </message>
    <message>
        <source>Grid cell size in metres.</source>
        <translation>격자 크기(미터).</translation>
    </message>
    <message>
        <source>Share of a cell newly flooded above which it counts as damaged.</source>
        <translation>격자에서 새로 침수된 비율이 이 값을 넘으면 피해 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Imagery to score development on (RGB or Sentinel-2); often the before scene.</source>
        <translation>발전 점수를 매길 영상 (RGB 또는 Sentinel-2). 보통 홍수 이전 영상입니다.</translation>
    </message>
    <message>
        <source>Cells at or below this percentile of the development score count as poor.</source>
        <translation>발전 점수가 이 백분위수 이하인 격자를 빈곤 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Scene after the flood</source>
        <translation>홍수 이후 영상</translation>
    </message>
    <message>
        <source>Imagery for development scores</source>
        <translation>발전 점수용 영상</translation>
    </message>
    <message>
        <source>Cells both poor and flooded</source>
        <translation>빈곤하면서 침수된 격자</translation>
    </message>
    <message>
        <source>Poor cells: development percentile at or below</source>
        <translation>빈곤 격자: 발전 점수 백분위수 기준 (이하)</translation>
    </message>
    <message>
        <source>Cells with flood figures and development scores</source>
        <translation>침수 수치와 발전 점수가 있는 격자</translation>
    </message>
    <message>
        <source>Flood change per cell</source>
        <translation>격자별 홍수 변화</translation>
    </message>
    <message>
        <source>Development score of the same cells</source>
        <translation>같은 격자의 발전 점수</translation>
    </message>
    <message>
        <source>Green space per person by district</source>
        <translation>구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>Green ratio and green area per person for each district of a summer scene, ranked from the least to the most green space per person (green_rank 1 = least). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</source>
        <translation>여름 영상에서 구역마다 녹지 비율과 1인당 녹지 면적을 구하고, 1인당 녹지가 가장 적은 구역부터 순위를 매깁니다 (green_rank 1 = 가장 적음). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>District polygons.</source>
        <translation>구역 폴리곤.</translation>
    </message>
    <message>
        <source>Population field of the districts.</source>
        <translation>구역의 인구 필드.</translation>
    </message>
    <message>
        <source>Summer imagery (Sentinel-2, Landsat, or RGB).</source>
        <translation>여름 영상 (Sentinel-2, Landsat 또는 RGB).</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>인구 필드</translation>
    </message>
    <message>
        <source>Districts with green space per person</source>
        <translation>1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scene</source>
        <translation>여름 영상</translation>
    </message>
    <message>
        <source>Green ratio per district</source>
        <translation>구역별 녹지 비율</translation>
    </message>
    <message>
        <source>Rank by green area per person (1 = least)</source>
        <translation>1인당 녹지 면적 순위 (1 = 가장 적음)</translation>
    </message>
    <message>
        <source>Green space per person by district over years</source>
        <translation>연도별 구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>The green space per person workflow over a stack of summer scenes: green ratio, green area and green area per person for each district on each date, with the season check per date and the trend of the green ratio per district (satimpact:greenseries). The one population field is used for every date. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</source>
        <translation>여러 여름 영상에 대한 1인당 녹지 작업 흐름: 날짜마다 구역별 녹지 비율, 녹지 면적, 1인당 녹지 면적을 구하고, 날짜별 계절 검사와 구역별 녹지 비율 추세를 함께 냅니다 (satimpact:greenseries). 인구 필드 하나를 모든 날짜에 씁니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Optional: one date per scene, in order (e.g. 2016,2018,2020), when names and tags lack them.</source>
        <translation>선택: 파일 이름과 태그에 날짜가 없을 때 영상마다 날짜 하나씩, 순서대로 (예: 2016,2018,2020).</translation>
    </message>
    <message>
        <source>Summer imagery of the same area on different dates (Sentinel-2, Landsat, NAIP or RGB).</source>
        <translation>같은 지역을 여러 날짜에 찍은 여름 영상 (Sentinel-2, Landsat, NAIP 또는 RGB).</translation>
    </message>
    <message>
        <source>Dates, one per scene (empty: from tags or names)</source>
        <translation>날짜, 영상마다 하나 (비우면 태그나 이름에서)</translation>
    </message>
    <message>
        <source>Districts with green space per person, per date</source>
        <translation>날짜별 1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scenes (one per date)</source>
        <translation>여름 영상 (날짜마다 하나)</translation>
    </message>
    <message>
        <source>Green ratio per district and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>Green area per person</source>
        <translation>1인당 녹지 면적</translation>
    </message>
</context>
<context>
    <name>ModelChooserWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>BandMapWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>WidgetWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
</TS>
